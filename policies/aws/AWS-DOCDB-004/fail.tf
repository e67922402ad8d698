resource "aws_docdb_cluster" "catalog" {
  cluster_identifier          = "catalog"
  engine                      = "docdb"
  master_username             = "catalog_admin"
  manage_master_user_password = true
  storage_encrypted           = true
}
