variable "policy_json" {
  type = string
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = var.policy_json
}
