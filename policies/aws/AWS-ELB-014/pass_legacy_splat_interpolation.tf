# Terraform 0.11 style: "${...*.id}" inside brackets is the whole list of subnets, not one item.
resource "aws_subnet" "public" {
  count             = 2
  vpc_id            = "vpc-0a1b2c3d4e5f60001"
  cidr_block        = "10.0.${count.index}.0/24"
  availability_zone = "eu-west-1${count.index == 0 ? "a" : "b"}"
}

resource "aws_alb" "web" {
  name    = "web"
  subnets = ["${aws_subnet.public.*.id}"]
}
