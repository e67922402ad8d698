resource "aws_cloudwatch_log_group" "trail" {
  name              = "cloudtrail"
  retention_in_days = 365
}

resource "aws_cloudtrail" "main" {
  name                       = "org-trail"
  s3_bucket_name             = "trail-logs-111122223333"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
}
