variable "setting" {
  type = bool
}

resource "aws_iam_account_password_policy" "from_input" {
  require_uppercase_characters = var.setting
}
