variable "admin_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

resource "aws_security_group" "db" {
  count  = 2
  name   = "db-${count.index}"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}
