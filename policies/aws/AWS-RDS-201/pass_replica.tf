resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  replicate_source_db = "orders"
  instance_class      = "db.t4g.medium"
  storage_encrypted   = true
}
