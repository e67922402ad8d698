variable "log_exports" {
  type = list(string)
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier          = "catalog"
  engine                      = "docdb"
  master_username             = "catalog_admin"
  manage_master_user_password = true
  enabled_cloudwatch_logs_exports = var.log_exports
}
