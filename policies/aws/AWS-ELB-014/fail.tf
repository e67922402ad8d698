resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "network"
  subnet_mapping {
    subnet_id = "subnet-0a1b2c3d4e5f60001"
  }
}
