resource "aws_lb" "web" {
  count   = 2
  name    = "web-${count.index}"
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}
