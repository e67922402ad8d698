variable "report_users" {
  type = list(string)
}

resource "aws_iam_policy_attachment" "readers" {
  name       = "readers"
  users      = var.report_users
  policy_arn = "arn:aws:iam::111122223333:policy/read-reports"
}
