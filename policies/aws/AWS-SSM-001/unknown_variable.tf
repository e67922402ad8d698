variable "parameter_name" {
  type = string
}

resource "aws_ssm_parameter" "setting" {
  name  = var.parameter_name
  type  = "String"
  value = "placeholder"
}
