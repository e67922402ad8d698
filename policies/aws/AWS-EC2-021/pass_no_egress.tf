resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
}
