variable "ingress_rules" {
  type = map(object({ protocol = string, from = number, to = number }))
  default = {
    https = { protocol = "tcp", from = 443, to = 443 }
    any   = { protocol = "-1", from = 0, to = 0 }
  }
}

resource "aws_security_group" "open" {
  name   = "open"
  vpc_id = "vpc-0a1b2c3d"

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule
    content {
      description = rule.key
      from_port   = rule.value.from
      to_port     = rule.value.to
      protocol    = rule.value.protocol
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
