# as-of: 2026-11-27
resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-mysql"
  engine_version     = "5.7.mysql_aurora.2.12.3"
  master_username    = "orders"
  master_password    = "not-a-real-password"
}
