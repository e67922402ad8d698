data "aws_iam_policy_document" "wide" {
  statement {
    sid       = "All"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "wide" {
  name   = "wide-open"
  user   = "ci-bot"
  policy = data.aws_iam_policy_document.wide.json
}
