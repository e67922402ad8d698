resource "aws_security_group" "windows" {
  name   = "windows"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port        = 3379
    to_port          = 3399
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
