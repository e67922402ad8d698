resource "aws_default_subnet" "a" {
  availability_zone = "eu-west-1a"
}
