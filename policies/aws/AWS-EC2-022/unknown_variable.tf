variable "source_cidr" {
  type = string
}

resource "aws_network_acl_rule" "all_in" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = var.source_cidr
}
