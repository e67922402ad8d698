resource "aws_iam_user_policy_attachment" "auditor" {
  user       = "auditor"
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}

resource "aws_iam_policy_attachment" "admins" {
  name       = "admins"
  roles      = ["break-glass"]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
