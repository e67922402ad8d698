resource "aws_iam_policy_attachment" "admins" {
  name       = "admins"
  roles      = ["deploy"]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
