resource "aws_iam_user_policy_attachment" "dave" {
  user       = "dave"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
