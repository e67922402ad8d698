resource "aws_route53_zone" "example" {
  name = "example.com"
}

resource "aws_route53_query_log" "example" {
  zone_id                  = aws_route53_zone.example.zone_id
  cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/example.com"
}
