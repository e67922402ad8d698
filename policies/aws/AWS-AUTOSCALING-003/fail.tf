resource "aws_launch_configuration" "web" {
  name_prefix                 = "web-"
  image_id                    = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}
