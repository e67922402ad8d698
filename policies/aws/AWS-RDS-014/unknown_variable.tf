variable "ca" {
  type = string
}

resource "aws_rds_cluster_instance" "node" {
  identifier         = "inventory-1"
  cluster_identifier = "inventory"
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
  ca_cert_identifier = var.ca
}
