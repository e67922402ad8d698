variable "protect" {
  type = bool
}

resource "aws_lb" "web" {
  name                       = "web"
  subnets                    = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  enable_deletion_protection = var.protect
}
