resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/api.zip"

  environment {
    variables = {
      LOG_LEVEL     = "info"
      DB_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-AbCdEf"
      DATABASE_URL  = "postgres://app@db.internal:5432/app"
    }
  }
}
