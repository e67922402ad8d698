# as-of: 2026-11-27
resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  engine_version     = "16.6"
  master_username    = "orders"
  master_password    = "not-a-real-password"
}
