resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/api.zip"
  vpc_config {
    subnet_ids         = ["subnet-0a1b2c3d4e5f60001"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}
