resource "aws_iam_policy_attachment" "admins" {
  name       = "admins"
  users      = ["alice"]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
