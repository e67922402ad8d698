locals {
  weak = false
}

resource "aws_iam_account_password_policy" "weak" {
  minimum_password_length        = 16
  password_reuse_prevention      = 24
  max_password_age               = 60
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols = local.weak
}
