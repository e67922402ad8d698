resource "aws_iam_policy_attachment" "mixed" {
  name       = "mixed"
  users      = ["carol"]
  groups     = ["report-readers"]
  policy_arn = "arn:aws:iam::111122223333:policy/read-reports"
}
