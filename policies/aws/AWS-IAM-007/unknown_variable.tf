variable "setting" {
  type = number
}

resource "aws_iam_account_password_policy" "from_input" {
  minimum_password_length = var.setting
}
