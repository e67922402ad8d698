resource "aws_launch_configuration" "legacy" {
  name_prefix   = "legacy-"
  image_id      = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"

  root_block_device {
    volume_size = 20
    encrypted   = false
  }
}
