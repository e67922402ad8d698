resource "aws_iam_policy" "reader" {
  name = "assets-reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::assets", "arn:aws:s3:::assets/*"]
      },
    ]
  })
}
