resource "aws_subnet" "app" {
  vpc_id            = "vpc-0a1b2c3d"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}
