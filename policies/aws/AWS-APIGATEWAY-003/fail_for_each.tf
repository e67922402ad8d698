resource "aws_api_gateway_method" "orders" {
  for_each      = { GET = "AWS_IAM", DELETE = "NONE" }
  rest_api_id   = "a1b2c3d4e5"
  resource_id   = "abc123"
  http_method   = each.key
  authorization = each.value
}
