resource "aws_lambda_function" "api" {
  function_name           = "api"
  role                    = "arn:aws:iam::111122223333:role/api-lambda"
  runtime                 = "python3.12"
  handler                 = "app.handler"
  filename                = "build/api.zip"
  kms_key_arn             = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  code_signing_config_arn = "arn:aws:lambda:eu-west-1:111122223333:code-signing-config:csc-0a1b2c3d4e5f60001"

  environment {
    variables = {
      LOG_LEVEL     = "info"
      DB_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf"
    }
  }

  tracing_config {
    mode = "Active"
  }

  dead_letter_config {
    target_arn = "arn:aws:sqs:eu-west-1:111122223333:api-dlq"
  }

  vpc_config {
    subnet_ids         = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    security_group_ids = ["sg-0a1b2c3d4e5f60001"]
  }
}
