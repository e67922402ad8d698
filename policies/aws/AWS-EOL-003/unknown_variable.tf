# as-of: 2026-11-27
variable "pg_version" {
  type = string
}

resource "aws_db_instance" "app" {
  identifier        = "app"
  engine            = "postgres"
  engine_version    = var.pg_version
  instance_class    = "db.t4g.medium"
  allocated_storage = 20
  username          = "app"
  password          = "not-a-real-password"
}
