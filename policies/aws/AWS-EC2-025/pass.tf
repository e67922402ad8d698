resource "aws_vpn_connection" "office" {
  vpn_gateway_id      = "vgw-0123456789abcdef0"
  customer_gateway_id = "cgw-0123456789abcdef0"
  type                = "ipsec.1"
  tunnel1_log_options {
    cloudwatch_log_options {
      log_enabled       = true
      log_group_arn     = "arn:aws:logs:us-east-1:111122223333:log-group:/vpn/main"
      log_output_format = "json"
    }
  }

  tunnel2_log_options {
    cloudwatch_log_options {
      log_enabled       = true
      log_group_arn     = "arn:aws:logs:us-east-1:111122223333:log-group:/vpn/main"
      log_output_format = "json"
    }
  }
}
