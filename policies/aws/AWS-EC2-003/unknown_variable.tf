variable "allowed_cidr" {
  type = string
}

resource "aws_security_group" "open" {
  name   = "open"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [var.allowed_cidr]
  }
}
