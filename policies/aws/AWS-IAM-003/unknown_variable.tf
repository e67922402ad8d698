variable "iam_actions" {
  type = list(string)
}

resource "aws_iam_group_policy" "iam" {
  name  = "iam"
  group = "platform"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.iam_actions, Resource = "*" }]
  })
}
