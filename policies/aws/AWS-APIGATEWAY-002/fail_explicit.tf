resource "aws_api_gateway_domain_name" "legacy" {
  domain_name     = "legacy.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  security_policy = "TLS_1_0"
}
