data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["s3:Get*", "ssm:GetParameter*"]
    resources = ["arn:aws:s3:::*"]
  }
}

resource "aws_iam_role_policy" "reader" {
  name   = "reader"
  role   = "reader"
  policy = data.aws_iam_policy_document.reader.json
}
