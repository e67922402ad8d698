data "aws_iam_policy_document" "logs" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:eu-west-1:111122223333:log-group:/app/*"]
  }
}

resource "aws_iam_role_policy" "logs" {
  name   = "write-logs"
  role   = "app"
  policy = data.aws_iam_policy_document.logs.json
}
