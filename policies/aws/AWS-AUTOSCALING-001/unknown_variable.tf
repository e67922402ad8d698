variable "value" {
  type = string
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
  target_group_arns = ["arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef"]
  health_check_type = var.value
}
