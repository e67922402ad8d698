data "aws_iam_policy_document" "ci" {
  statement {
    actions   = ["iam:Pass*", "lambda:CreateFunction"]
    resources = ["arn:aws:iam::*:role/*"]
  }
}

resource "aws_iam_role_policy" "ci" {
  name   = "ci"
  role   = "ci"
  policy = data.aws_iam_policy_document.ci.json
}
