resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::111122223333:role/api-lambda"
  runtime                        = "python3.12"
  handler                        = "app.handler"
  filename                       = "build/api.zip"
  reserved_concurrent_executions = -1
}
