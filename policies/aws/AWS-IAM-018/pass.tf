resource "aws_iam_user_policy" "self" {
  name = "self-service-keys"
  user = "alice"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:CreateAccessKey", "iam:UpdateAccessKey", "iam:DeleteAccessKey"]
      Resource = "arn:aws:iam::111122223333:user/$${aws:username}"
    }]
  })
}
