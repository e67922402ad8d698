variable "protocol" {
  type = string
}

resource "aws_sns_topic_subscription" "webhook" {
  topic_arn = "arn:aws:sns:eu-west-1:111122223333:alerts"
  protocol  = var.protocol
  endpoint  = "hooks.example.com/alerts"
}
