resource "aws_elb" "legacy" {
  name    = "legacy"
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }

  access_logs {
    bucket        = "lb-logs-111122223333"
    bucket_prefix = "legacy"
    interval      = 60
  }
}
