resource "aws_iam_policy" "helpdesk" {
  name = "helpdesk"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:CreateLoginProfile", "iam:UpdateLoginProfile"]
      Resource = "*"
    }]
  })
}
