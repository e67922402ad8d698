variable "policy_arn" {
  type = string
}

resource "aws_iam_user_policy_attachment" "dave" {
  user       = "dave"
  policy_arn = var.policy_arn
}
