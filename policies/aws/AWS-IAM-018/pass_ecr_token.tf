resource "aws_iam_role_policy" "pull" {
  name = "pull"
  role = "task-execution"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" }]
  })
}
