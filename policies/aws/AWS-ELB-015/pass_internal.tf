resource "aws_lb" "api" {
  name     = "api"
  internal = true
  subnets  = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}
