resource "aws_docdb_cluster" "main" {
  cluster_identifier          = "main"
  master_username             = "docdbadmin"
  manage_master_user_password = true
  storage_encrypted           = true
}
