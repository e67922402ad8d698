variable "value" {
  type = string
}

resource "aws_acm_certificate" "site" {
  domain_name       = "www.example.com"
  validation_method = "DNS"
  key_algorithm     = var.value
}
