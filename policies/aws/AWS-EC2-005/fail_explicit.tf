resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1b"
  size              = 500
  encrypted         = false
}
