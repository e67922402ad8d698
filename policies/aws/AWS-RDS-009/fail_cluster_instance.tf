resource "aws_rds_cluster_instance" "node" {
  identifier         = "inventory-1"
  cluster_identifier = "inventory"
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
  performance_insights_enabled          = true
  performance_insights_retention_period = 7
}
