resource "aws_elb" "legacy" {
  name                   = "legacy"
  subnets                = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  desync_mitigation_mode = "monitor"

  listener {
    lb_port           = 443
    lb_protocol       = "tcp"
    instance_port     = 8443
    instance_protocol = "tcp"
  }
}
