variable "value" {
  type = list(string)
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "network"
  subnets            = var.value
}
