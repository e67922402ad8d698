variable "value" {
  type = list(string)
}

resource "aws_elb" "web" {
  name = "web"

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
  subnets = var.value
}
