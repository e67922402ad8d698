resource "aws_ami_launch_permission" "everyone" {
  image_id = "ami-0c55b159cbfafe1f0"
  group    = "all"
}
