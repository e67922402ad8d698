resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "inventory"
  engine                      = "aurora-postgresql"
  master_username             = "inventory_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  enabled_cloudwatch_logs_exports = []
}
