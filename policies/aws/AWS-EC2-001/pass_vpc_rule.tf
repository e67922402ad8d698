resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "bastion_https" {
  security_group_id = aws_security_group.bastion.id
  cidr_ipv6         = "::/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "bastion_admin" {
  security_group_id = aws_security_group.bastion.id
  cidr_ipv4         = "192.168.10.0/24"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}
