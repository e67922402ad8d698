variable "aws_owned" {
  type = bool
}

resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"

  encryption_options {
    use_aws_owned_key = var.aws_owned
    kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  user {
    username = "app"
    password = "placeholder-password"
  }
}
