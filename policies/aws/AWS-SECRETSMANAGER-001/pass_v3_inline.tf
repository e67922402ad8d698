resource "aws_secretsmanager_secret" "db" {
  name                = "prod/db/master"
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate-db"

  rotation_rules {
    automatically_after_days = 30
  }
}
