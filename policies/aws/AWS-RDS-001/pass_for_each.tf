variable "databases" {
  type = map(string)
  default = {
    billing = "postgres"
    catalog = "mysql"
  }
}

resource "aws_db_instance" "app" {
  for_each                    = var.databases
  identifier                  = each.key
  engine                      = each.value
  instance_class              = "db.t4g.small"
  allocated_storage           = 20
  username                    = "${each.key}_admin"
  manage_master_user_password = true
  storage_encrypted           = true
}
