resource "aws_vpn_connection" "office" {
  vpn_gateway_id      = "vgw-0123456789abcdef0"
  customer_gateway_id = "cgw-0123456789abcdef0"
  type                = "ipsec.1"
}
