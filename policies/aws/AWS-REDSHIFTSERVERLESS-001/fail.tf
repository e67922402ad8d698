resource "aws_redshiftserverless_workgroup" "analytics" {
  workgroup_name       = "analytics"
  namespace_name       = "analytics"
  enhanced_vpc_routing = false
}
