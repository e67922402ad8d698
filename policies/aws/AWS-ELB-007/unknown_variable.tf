variable "access_logs_enabled" {
  type = bool
}

resource "aws_elb" "legacy" {
  name    = "legacy"
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]

  listener {
    lb_port           = 443
    lb_protocol       = "tcp"
    instance_port     = 8443
    instance_protocol = "tcp"
  }

  access_logs {
    bucket  = "lb-logs-111122223333"
    enabled = var.access_logs_enabled
  }
}
