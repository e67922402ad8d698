data "aws_iam_policy_document" "almost_admin" {
  statement {
    effect      = "Allow"
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_role_policy" "almost_admin" {
  name   = "almost-admin"
  role   = "ops"
  policy = data.aws_iam_policy_document.almost_admin.json
}
