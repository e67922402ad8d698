resource "aws_cloudtrail" "main" {
  name                  = "org-trail"
  s3_bucket_name        = "trail-logs-111122223333"
  is_multi_region_trail = true
  enable_logging        = false
}
