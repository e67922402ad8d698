resource "aws_network_acl" "public" {
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_network_acl_rule" "admin_v6" {
  network_acl_id  = aws_network_acl.public.id
  rule_number     = 200
  egress          = false
  protocol        = "tcp"
  rule_action     = "allow"
  ipv6_cidr_block = "::/0"
  from_port       = 1
  to_port         = 65535
}
