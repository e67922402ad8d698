resource "aws_cloudtrail" "main" {
  name                       = "org-trail"
  s3_bucket_name             = "trail-logs-111122223333"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:cloudtrail:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-logs"
}
