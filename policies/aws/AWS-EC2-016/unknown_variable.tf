variable "public" {
  type = bool
}

resource "aws_subnet" "app" {
  vpc_id                  = "vpc-0a1b2c3d"
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = var.public
}
