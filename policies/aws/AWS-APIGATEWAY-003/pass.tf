resource "aws_api_gateway_method" "orders_get" {
  rest_api_id   = "a1b2c3d4e5"
  resource_id   = "abc123"
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "orders_options" {
  rest_api_id   = "a1b2c3d4e5"
  resource_id   = "abc123"
  http_method   = "OPTIONS"
  authorization = "NONE"
}
