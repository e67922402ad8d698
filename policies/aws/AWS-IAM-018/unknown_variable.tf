variable "policy_json" {
  type = string
}

resource "aws_iam_policy" "helpdesk" {
  name   = "helpdesk"
  policy = var.policy_json
}
