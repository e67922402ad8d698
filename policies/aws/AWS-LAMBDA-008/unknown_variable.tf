variable "url_auth" {
  type = string
}

resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = var.url_auth
}
