locals {
  weak = 3
}

resource "aws_iam_account_password_policy" "weak" {
  minimum_password_length        = 16
  max_password_age               = 60
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention = local.weak
}
