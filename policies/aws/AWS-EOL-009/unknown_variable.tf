# as-of: 2026-11-27
variable "docdb_version" {
  type = string
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier = "catalog"
  engine             = "docdb"
  engine_version     = var.docdb_version
  master_username    = "catalog"
  master_password    = "not-a-real-password"
}
