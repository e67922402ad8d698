variable "lb_arn" {
  type = string
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = var.lb_arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/main/0a1b2c3d"
}
