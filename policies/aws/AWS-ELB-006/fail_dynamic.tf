variable "ports" {
  type = map(string)
  default = {
    "443" = "https"
    "25"  = "tcp"
  }
}

resource "aws_elb" "legacy" {
  name    = "legacy"
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]

  dynamic "listener" {
    for_each = var.ports
    content {
      lb_port            = tonumber(listener.key)
      lb_protocol        = listener.value
      instance_port      = tonumber(listener.key)
      instance_protocol  = listener.value
      ssl_certificate_id = listener.value == "https" ? "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666" : null
    }
  }
}
