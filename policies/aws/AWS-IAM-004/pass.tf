resource "aws_iam_policy" "no_iam" {
  name = "deny-iam"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::reports/*" },
      { Effect = "Deny", NotAction = ["s3:GetObject"], Resource = "*" },
    ]
  })
}
