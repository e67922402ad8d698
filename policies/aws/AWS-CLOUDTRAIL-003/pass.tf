resource "aws_cloudtrail" "main" {
  name           = "org-trail"
  s3_bucket_name = "trail-logs-111122223333"
  kms_key_id     = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
