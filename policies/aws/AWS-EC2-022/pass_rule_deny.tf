resource "aws_network_acl_rule" "deny_all" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
}
