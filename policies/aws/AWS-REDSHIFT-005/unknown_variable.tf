variable "require_ssl" {
  type = string
}

resource "aws_redshift_parameter_group" "analytics" {
  name   = "analytics"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = var.require_ssl
  }
}
