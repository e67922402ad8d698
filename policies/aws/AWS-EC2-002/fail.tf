resource "aws_security_group" "windows" {
  name   = "windows"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
