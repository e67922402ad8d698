variable "tls_policy" {
  type = string
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  security_policy          = var.tls_policy

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
