variable "launch_group" {
  type = string
}

resource "aws_ami_launch_permission" "shared" {
  image_id = "ami-0c55b159cbfafe1f0"
  group    = var.launch_group
}
