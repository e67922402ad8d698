resource "aws_rds_cluster" "orders" {
  engine                          = "aurora-postgresql"
  cluster_identifier              = "orders"
  master_username                 = "orders_admin"
  manage_master_user_password     = true
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["instance"]
}
