resource "aws_rds_cluster_instance" "reader" {
  identifier         = "inventory-reader"
  cluster_identifier = "inventory"
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
