variable "policy_arn" {
  type = string
}

resource "aws_iam_role_policy_attachment" "deploy" {
  role       = "deploy"
  policy_arn = var.policy_arn
}
