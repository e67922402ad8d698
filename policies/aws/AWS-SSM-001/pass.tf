resource "aws_ssm_parameter" "db_password" {
  name  = "/prod/db/password"
  type  = "SecureString"
  value = "placeholder-rotated-elsewhere"
}

resource "aws_ssm_parameter" "region" {
  name  = "/prod/app/region"
  type  = "String"
  value = "eu-west-1"
}
