resource "aws_mq_broker" "events" {
  broker_name         = "events"
  engine_type         = "ActiveMQ"
  engine_version      = "5.18"
  host_instance_type  = "mq.m5.large"
  publicly_accessible = false
  subnet_ids          = ["subnet-0a1b2c3d4e5f60001"]
  security_groups     = ["sg-0a1b2c3d4e5f60001"]

  encryption_options {
    use_aws_owned_key = false
    kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  logs {
    general = true
    audit   = true
  }

  user {
    username = "app"
    password = "placeholder-password"
  }
}
