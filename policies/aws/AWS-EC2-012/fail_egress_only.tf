resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0a1b2c3d"

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
