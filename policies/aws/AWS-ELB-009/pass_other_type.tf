resource "aws_load_balancer_policy" "proxy" {
  load_balancer_name = "web"
  policy_name        = "proxy-protocol"
  policy_type_name   = "ProxyProtocolPolicyType"

  policy_attribute {
    name  = "ProxyProtocol"
    value = "true"
  }
}
