resource "aws_ssm_parameter" "db_password" {
  name  = "/prod/db/password"
  type  = "String"
  value = "placeholder"
}
