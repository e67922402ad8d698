variable "general_logs" {
  type = bool
}

resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"

  logs {
    general = var.general_logs
  }

  user {
    username = "app"
    password = "placeholder-password"
  }
}
