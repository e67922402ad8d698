resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.m5.large"

  encryption_options {
    use_aws_owned_key = true
  }

  user {
    username = "app"
    password = "placeholder-password"
  }
}
