resource "aws_db_instance" "orders" {
  engine                       = "postgres"
  identifier                   = "orders"
  instance_class               = "db.t4g.medium"
  allocated_storage            = 50
  username                     = "orders_admin"
  manage_master_user_password  = true
  storage_encrypted            = true
  performance_insights_enabled = false
}
