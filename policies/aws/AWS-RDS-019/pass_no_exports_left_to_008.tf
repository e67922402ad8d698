# No export at all: AWS-RDS-008 reports it; this policy does not repeat it.
resource "aws_db_instance" "orders" {
  engine                      = "postgres"
  identifier                  = "orders"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders_admin"
  manage_master_user_password = true
  storage_encrypted           = true
}
