resource "aws_kms_key" "trail" {
  description         = "cloudtrail"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "main" {
  name           = "org-trail"
  s3_bucket_name = "trail-logs-111122223333"
  kms_key_id     = aws_kms_key.trail.arn
}
