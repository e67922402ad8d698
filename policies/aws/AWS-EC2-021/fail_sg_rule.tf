resource "aws_security_group_rule" "all_out" {
  type              = "egress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}
