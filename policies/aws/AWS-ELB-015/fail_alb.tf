resource "aws_alb" "web" {
  name     = "web"
  internal = false
  subnets  = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}
