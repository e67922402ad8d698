data "aws_iam_policy_document" "key" {
  statement {
    sid       = "OrgUse"
    actions   = ["kms:Decrypt", "kms:Encrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123def4"]
    }
  }
}

resource "aws_kms_key_policy" "shared" {
  key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
  policy = data.aws_iam_policy_document.key.json
}
