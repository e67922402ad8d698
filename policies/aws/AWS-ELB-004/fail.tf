resource "aws_lb" "web" {
  name            = "web"
  subnets         = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  security_groups = ["sg-0a1b2c3d4e5f60001"]

  access_logs {
    bucket = "lb-logs-111122223333"
  }
}
