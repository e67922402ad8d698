resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port        = 12
    to_port          = 32
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
