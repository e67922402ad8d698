resource "aws_secretsmanager_secret" "api" {
  count = 2
  name  = "prod/api/key-${count.index}"
}

resource "aws_secretsmanager_secret_rotation" "api" {
  count               = 2
  secret_id           = aws_secretsmanager_secret.api[count.index].id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate-api"

  rotation_rules {
    schedule_expression = "rate(30 days)"
  }
}
