variable "logging" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name           = "org-trail"
  s3_bucket_name = "trail-logs-111122223333"
  enable_logging = var.logging
}
