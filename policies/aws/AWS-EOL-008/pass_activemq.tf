# as-of: 2026-11-27
resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"

  user {
    username = "orders"
    password = "not-a-real-password"
  }
}
