resource "aws_rds_cluster_instance" "node" {
  count               = 2
  identifier          = "inventory-${count.index}"
  cluster_identifier  = "inventory"
  instance_class      = "db.r6g.large"
  engine              = "aurora-mysql"
  publicly_accessible = true
}
