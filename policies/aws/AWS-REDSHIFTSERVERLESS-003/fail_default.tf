resource "aws_redshiftserverless_namespace" "analytics" {
  namespace_name = "analytics"
}
