variable "passable_roles" {
  type = list(string)
}

resource "aws_iam_policy" "pass" {
  name = "pass"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = var.passable_roles }]
  })
}
