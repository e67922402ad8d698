resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::111122223333:role/worker-lambda"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "build/worker.zip"

  environment {
    variables = {
      DATABASE_URL = "postgres://app:s3cretPass@db.internal:5432/app"
    }
  }
}
