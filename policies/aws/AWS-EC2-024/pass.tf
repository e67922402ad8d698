resource "aws_ec2_client_vpn_endpoint" "remote" {
  server_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  client_cidr_block      = "10.100.0.0/22"

  authentication_options {
    type                       = "certificate-authentication"
    root_certificate_chain_arn = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-777788889999"
  }
  connection_log_options {
    enabled               = true
    cloudwatch_log_group  = "/vpn/clients"
    cloudwatch_log_stream = "connections"
  }
}
