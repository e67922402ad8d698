resource "aws_security_group_rule" "web" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 80
  to_port           = 80
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"]
}
