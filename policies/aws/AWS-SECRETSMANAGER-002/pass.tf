resource "aws_kms_key" "secrets" {
  description         = "secrets"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "db" {
  name       = "prod/db/master"
  kms_key_id = aws_kms_key.secrets.arn
}
