resource "aws_sns_topic_subscription" "webhook" {
  topic_arn = "arn:aws:sns:eu-west-1:111122223333:alerts"
  protocol  = "http"
  endpoint  = "http://hooks.example.com/alerts"
}
