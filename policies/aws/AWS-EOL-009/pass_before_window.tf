# as-of: 2025-12-29
resource "aws_docdb_cluster" "catalog" {
  cluster_identifier = "catalog"
  engine             = "docdb"
  engine_version     = "3.6.0"
  master_username    = "catalog"
  master_password    = "not-a-real-password"
}
