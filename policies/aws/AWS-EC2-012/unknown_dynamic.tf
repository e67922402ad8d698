variable "default_sg_ingress" {
  type = list(object({ from = number, to = number, cidr = string }))
}

resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0a1b2c3d"

  dynamic "ingress" {
    for_each = var.default_sg_ingress
    content {
      from_port   = ingress.value.from
      to_port     = ingress.value.to
      protocol    = "tcp"
      cidr_blocks = [ingress.value.cidr]
    }
  }
}
