resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::111122223333:role/worker-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/worker.zip"
}

resource "aws_lambda_function_event_invoke_config" "worker" {
  function_name          = "worker"
  maximum_retry_attempts = 0

  destination_config {
    on_success {
      destination = "arn:aws:sns:eu-west-1:111122223333:worker-done"
    }
  }
}
