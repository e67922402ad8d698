variable "auth" {
  type = string
}

resource "aws_api_gateway_method" "orders_get" {
  rest_api_id   = "a1b2c3d4e5"
  resource_id   = "abc123"
  http_method   = "GET"
  authorization = var.auth
}
