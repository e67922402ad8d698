resource "aws_ami_launch_permission" "partner" {
  image_id   = "ami-0c55b159cbfafe1f0"
  account_id = "444455556666"
}
