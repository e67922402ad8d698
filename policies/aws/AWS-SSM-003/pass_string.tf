resource "aws_ssm_parameter" "region" {
  name  = "/app/region"
  type  = "String"
  value = "us-east-1"
}
