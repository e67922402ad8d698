resource "aws_iam_policy" "iam_read" {
  name = "iam-read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:Get*", "iam:List*"]
      Resource = "*"
    }]
  })
}
