variable "listeners" {
  type = list(object({ port = number, protocol = string }))
}

resource "aws_elb" "legacy" {
  name    = "legacy"
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]

  dynamic "listener" {
    for_each = var.listeners
    content {
      lb_port           = listener.value.port
      lb_protocol       = listener.value.protocol
      instance_port     = listener.value.port
      instance_protocol = listener.value.protocol
    }
  }
}
