variable "topic_policy" {
  type = string
}

resource "aws_sns_topic_policy" "alerts" {
  arn    = "arn:aws:sns:eu-west-1:111122223333:alerts"
  policy = var.topic_policy
}
