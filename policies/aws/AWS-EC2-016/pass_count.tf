locals {
  azs = ["eu-west-1a", "eu-west-1b"]
}

resource "aws_subnet" "private" {
  count                   = length(local.azs)
  vpc_id                  = "vpc-0a1b2c3d"
  cidr_block              = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone       = local.azs[count.index]
  map_public_ip_on_launch = false
}
