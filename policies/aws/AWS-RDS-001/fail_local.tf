locals {
  environment = "dev"
}

resource "aws_db_instance" "main" {
  identifier                  = "orders-${local.environment}"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "orders_admin"
  manage_master_user_password = true
  storage_encrypted           = local.environment == "prod"
}
