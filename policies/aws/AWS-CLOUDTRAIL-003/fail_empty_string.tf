variable "trail_key_arn" {
  type    = string
  default = ""
}

resource "aws_cloudtrail" "main" {
  name           = "org-trail"
  s3_bucket_name = "trail-logs-111122223333"
  kms_key_id     = var.trail_key_arn
}
