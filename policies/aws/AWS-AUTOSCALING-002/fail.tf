resource "aws_autoscaling_group" "web" {
  name     = "web"
  min_size = 2
  max_size = 6

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60001"]
}
