resource "aws_iam_policy_attachment" "readers" {
  name       = "readers"
  groups     = ["report-readers"]
  roles      = ["report-lambda"]
  policy_arn = "arn:aws:iam::111122223333:policy/read-reports"
}
