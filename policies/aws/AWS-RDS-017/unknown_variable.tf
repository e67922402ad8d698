variable "value" {
  type = string
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "mysql"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  manage_master_user_password = true
  storage_encrypted           = true
  username                    = var.value
}
