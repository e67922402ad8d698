resource "aws_load_balancer_policy" "web_tls" {
  load_balancer_name = "web"
  policy_name        = "web-tls"
  policy_type_name   = "SSLNegotiationPolicyType"
  policy_attribute {
    name  = "Protocol-TLSv1"
    value = "true"
  }
  policy_attribute {
    name  = "Protocol-TLSv1.1"
    value = "false"
  }
  policy_attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }
  policy_attribute {
    name  = "ECDHE-RSA-AES128-GCM-SHA256"
    value = "true"
  }
}
