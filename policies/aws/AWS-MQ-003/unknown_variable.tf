variable "engine" {
  type = string
}

resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = var.engine
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"

  logs {
    general = true
  }

  user {
    username = "app"
    password = "placeholder-password"
  }
}
