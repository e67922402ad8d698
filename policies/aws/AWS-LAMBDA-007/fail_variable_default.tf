variable "app_env" {
  type = map(string)
  default = {
    STAGE         = "prod"
    STRIPE_APIKEY = "placeholder"
  }
}

resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = "arn:aws:iam::111122223333:role/billing-lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/billing.zip"

  environment {
    variables = var.app_env
  }
}
