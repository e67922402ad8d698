resource "aws_cognito_user_pool" "users" {
  name = "users"
  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
}
