resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "ws.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}
