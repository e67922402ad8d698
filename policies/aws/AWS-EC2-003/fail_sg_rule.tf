resource "aws_security_group" "open" {
  name   = "open"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "everything" {
  type              = "ingress"
  security_group_id = aws_security_group.open.id
  from_port         = 0
  to_port           = 0
  protocol          = "all"
  cidr_blocks       = ["0.0.0.0/0"]
}
