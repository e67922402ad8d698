variable "setting" {
  type = number
}

resource "aws_iam_account_password_policy" "from_input" {
  max_password_age = var.setting
}
