resource "aws_security_group" "windows" {
  name   = "windows"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "windows_world" {
  type              = "ingress"
  security_group_id = aws_security_group.windows.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
