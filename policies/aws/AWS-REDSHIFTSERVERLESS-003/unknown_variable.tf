variable "value" {
  type = list(string)
}

resource "aws_redshiftserverless_namespace" "analytics" {
  namespace_name = "analytics"
  log_exports    = var.value
}
