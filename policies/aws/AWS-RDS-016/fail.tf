resource "aws_rds_cluster" "orders" {
  engine                      = "aurora-postgresql"
  cluster_identifier          = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
  master_username             = "postgres"
}
