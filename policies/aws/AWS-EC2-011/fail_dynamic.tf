locals {
  open_ports = [80, 5432]
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"

  dynamic "ingress" {
    for_each = local.open_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
