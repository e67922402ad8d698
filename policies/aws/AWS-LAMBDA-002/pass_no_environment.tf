resource "aws_lambda_function" "cron" {
  function_name = "cron"
  role          = "arn:aws:iam::111122223333:role/cron-lambda"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "build/cron.zip"
}
