resource "aws_vpc_security_group_ingress_rule" "web" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "10.20.0.0/16"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}
