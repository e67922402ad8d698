resource "aws_redshiftserverless_workgroup" "analytics" {
  workgroup_name = "analytics"
  namespace_name = "analytics"
}
