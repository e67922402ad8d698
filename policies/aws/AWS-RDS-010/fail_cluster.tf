resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "inventory"
  engine                      = "aurora-postgresql"
  master_username             = "inventory_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  copy_tags_to_snapshot       = false
}
