resource "aws_network_acl_rule" "all_tcp" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 0
  to_port        = 65535
}
