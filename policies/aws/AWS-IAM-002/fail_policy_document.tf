data "aws_iam_policy_document" "reports" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
  statement {
    actions   = ["*"]
    resources = ["arn:aws:s3:::reports"]
  }
}

resource "aws_iam_group_policy" "reports" {
  name   = "reports"
  group  = "analysts"
  policy = data.aws_iam_policy_document.reports.json
}
