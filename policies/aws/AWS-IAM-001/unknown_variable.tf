variable "policy_json" {
  type = string
}

resource "aws_iam_policy" "custom" {
  name   = "custom"
  policy = var.policy_json
}
