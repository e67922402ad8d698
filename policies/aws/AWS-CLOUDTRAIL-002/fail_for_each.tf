resource "aws_cloudtrail" "team" {
  for_each                   = { audit = true, sandbox = false }
  name                       = "trail-${each.key}"
  s3_bucket_name             = "trail-logs-111122223333"
  enable_log_file_validation = each.value
}
