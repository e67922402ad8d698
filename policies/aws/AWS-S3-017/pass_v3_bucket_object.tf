resource "aws_s3_bucket_object" "report" {
  bucket                 = "acme-reports"
  key                    = "2026/q3.csv"
  content                = "a,b"
  server_side_encryption = "aws:kms"
  kms_key_id             = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
