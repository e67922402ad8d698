resource "aws_iam_policy" "tagged" {
  name = "tagged"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
      Condition = { StringEquals = { "secretsmanager:ResourceTag/team" = "payments" } }
    }]
  })
}
