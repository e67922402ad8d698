# as-of: 2026-11-27
variable "mq_version" {
  type = string
}

resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = var.mq_version
  host_instance_type = "mq.m5.large"

  user {
    username = "orders"
    password = "not-a-real-password"
  }
}
