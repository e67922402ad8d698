locals {
  admin_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_policy_attachment" "admins" {
  name       = "admins"
  users      = ["erin", "frank"]
  policy_arn = local.admin_arn
}
