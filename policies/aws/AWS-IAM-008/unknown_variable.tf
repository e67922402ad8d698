variable "setting" {
  type = number
}

resource "aws_iam_account_password_policy" "from_input" {
  password_reuse_prevention = var.setting
}
