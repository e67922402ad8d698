resource "aws_redshift_parameter_group" "analytics" {
  name   = "analytics"
  family = "redshift-1.0"

  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }
}
