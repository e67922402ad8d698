resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = base64encode("#!/bin/bash\nsystemctl enable --now nginx\n")
}
