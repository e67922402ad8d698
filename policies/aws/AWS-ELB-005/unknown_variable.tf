variable "access_logs_enabled" {
  type = bool
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]

  access_logs {
    bucket  = "lb-logs-111122223333"
    enabled = var.access_logs_enabled
  }
}
