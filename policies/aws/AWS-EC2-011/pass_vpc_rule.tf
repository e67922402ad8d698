resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "db_https" {
  security_group_id = aws_security_group.db.id
  cidr_ipv6         = "::/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "db_admin" {
  security_group_id = aws_security_group.db.id
  cidr_ipv4         = "192.168.10.0/24"
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
}
