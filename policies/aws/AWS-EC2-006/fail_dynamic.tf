variable "data_disks" {
  type = map(number)
  default = {
    "/dev/sdf" = 100
  }
}

resource "aws_instance" "db" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "r6i.large"

  root_block_device {
    encrypted = true
  }

  dynamic "ebs_block_device" {
    for_each = var.data_disks
    content {
      device_name = ebs_block_device.key
      volume_size = ebs_block_device.value
    }
  }
}
