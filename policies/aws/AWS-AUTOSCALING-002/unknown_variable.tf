variable "value" {
  type = list(string)
}

resource "aws_autoscaling_group" "web" {
  name     = "web"
  min_size = 2
  max_size = 6

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
  vpc_zone_identifier = var.value
}
