resource "aws_security_group" "mongo" {
  name   = "mongo"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "mongo_world" {
  type              = "ingress"
  security_group_id = aws_security_group.mongo.id
  from_port         = 27017
  to_port           = 27019
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"]
}
