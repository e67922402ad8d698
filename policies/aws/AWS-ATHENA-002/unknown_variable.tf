variable "value" {
  type = bool
}

resource "aws_athena_workgroup" "analytics" {
  name = "analytics"
  configuration {
    enforce_workgroup_configuration = var.value
  }
}
