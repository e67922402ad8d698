resource "aws_launch_template" "workers" {
  name_prefix = "workers-"
  image_id    = "ami-0c55b159cbfafe1f0"

  network_interfaces {
    device_index    = 0
    subnet_id       = "subnet-0a1b2c3d4e5f60718"
    security_groups = ["sg-0123456789abcdef0"]
  }
}
