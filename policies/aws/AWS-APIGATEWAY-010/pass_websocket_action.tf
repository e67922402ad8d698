resource "aws_apigatewayv2_route" "send" {
  api_id    = "a1b2c3d4e5"
  route_key = "sendmessage"
  target    = "integrations/abc123"
}
