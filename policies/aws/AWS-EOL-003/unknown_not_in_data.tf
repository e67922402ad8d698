# as-of: 2026-11-27
resource "aws_db_instance" "app" {
  identifier        = "app"
  engine            = "mysql"
  engine_version    = "9.1.0"
  instance_class    = "db.t4g.medium"
  allocated_storage = 20
  username          = "app"
  password          = "not-a-real-password"
}
