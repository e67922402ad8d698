resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = "arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-AbCdEf"
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate-db"
  rotation_rules {
    automatically_after_days = 30
  }
}
