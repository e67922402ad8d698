resource "aws_sns_topic_policy" "alerts" {
  arn = "arn:aws:sns:eu-west-1:111122223333:alerts"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["sns:Subscribe", "sns:Publish"]
      Resource  = "arn:aws:sns:eu-west-1:111122223333:alerts"
    }]
  })
}
