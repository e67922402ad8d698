resource "aws_docdb_cluster_parameter_group" "catalog" {
  family = "docdb5.0"
  name   = "catalog"

  parameter {
    name  = "tls"
    value = "enabled"
  }

  parameter {
    name  = "audit_logs"
    value = "enabled"
  }
}
