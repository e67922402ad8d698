resource "aws_network_acl" "private" {
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_network_acl_rule" "ephemeral_out" {
  network_acl_id = aws_network_acl.private.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "ssh_vpn" {
  network_acl_id = aws_network_acl.private.id
  rule_number    = 110
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "172.16.0.0/12"
  from_port      = 22
  to_port        = 22
}
