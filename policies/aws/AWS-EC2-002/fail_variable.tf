variable "admin_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

resource "aws_security_group" "windows" {
  count  = 2
  name   = "windows-${count.index}"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}
