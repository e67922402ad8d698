resource "aws_sns_topic_subscription" "webhook" {
  topic_arn = "arn:aws:sns:eu-west-1:111122223333:alerts"
  protocol  = "https"
  endpoint  = "https://hooks.example.com/alerts"
}

resource "aws_sns_topic_subscription" "queue" {
  topic_arn = "arn:aws:sns:eu-west-1:111122223333:alerts"
  protocol  = "sqs"
  endpoint  = "arn:aws:sqs:eu-west-1:111122223333:alerts"
}
