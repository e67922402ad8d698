variable "admin_actions" {
  type    = list(string)
  default = ["*"]
}

resource "aws_iam_role" "admin" {
  name = "platform-admin"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })

  inline_policy {
    name = "all"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = var.admin_actions, Resource = "*" }]
    })
  }
}
