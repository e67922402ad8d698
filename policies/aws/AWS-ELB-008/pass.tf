resource "aws_lb" "web" {
  name                       = "web"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  security_groups            = ["sg-0a1b2c3d4e5f60001"]
  drop_invalid_header_fields = true
  enable_deletion_protection = true

  access_logs {
    bucket  = "lb-logs-111122223333"
    prefix  = "web"
    enabled = true
  }
}
