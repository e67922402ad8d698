resource "aws_network_acl_rule" "all_out" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
