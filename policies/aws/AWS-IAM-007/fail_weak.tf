locals {
  weak = 8
}

resource "aws_iam_account_password_policy" "weak" {
  password_reuse_prevention      = 24
  max_password_age               = 60
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  minimum_password_length = local.weak
}
