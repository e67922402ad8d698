variable "mq_password" {
  type      = string
  sensitive = true
}

resource "aws_mq_broker" "orders" {
  engine_type        = "RabbitMQ"
  broker_name        = "orders"
  engine_version     = "3.13"
  host_instance_type = "mq.m5.large"
  security_groups    = ["sg-0123456789abcdef0"]

  user {
    username = "app"
    password = var.mq_password
  }
  deployment_mode = "SINGLE_INSTANCE"
}
