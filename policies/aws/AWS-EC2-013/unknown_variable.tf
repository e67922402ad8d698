variable "admin_cidr" {
  type = string
}

resource "aws_network_acl_rule" "admin" {
  network_acl_id = "acl-0a1b2c3d"
  rule_number    = 110
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = var.admin_cidr
  from_port      = 22
  to_port        = 22
}
