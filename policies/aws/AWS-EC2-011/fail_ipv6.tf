resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port        = 5422
    to_port          = 5442
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
