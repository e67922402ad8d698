variable "zone_id" {
  type = string
}

resource "aws_route53_zone" "example" {
  name = "example.com"
}

resource "aws_route53_query_log" "other" {
  zone_id                  = var.zone_id
  cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/other"
}
