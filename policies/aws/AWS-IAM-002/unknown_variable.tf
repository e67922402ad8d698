variable "actions" {
  type = list(string)
}

resource "aws_iam_role_policy" "app" {
  name = "app"
  role = "app"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.actions, Resource = "arn:aws:s3:::reports/*" }]
  })
}
