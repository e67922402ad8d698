resource "aws_secretsmanager_secret" "db" {
  name                    = "prod/db/master"
  recovery_window_in_days = 7
}
