# A network load balancer with TCP listeners writes no access logs (only TLS listeners have them).
resource "aws_lb" "tcp" {
  name               = "tcp-ingress"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}
