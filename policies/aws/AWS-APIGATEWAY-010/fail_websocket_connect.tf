resource "aws_apigatewayv2_route" "connect" {
  api_id    = "a1b2c3d4e5"
  route_key = "$connect"
  target    = "integrations/abc123"
}
