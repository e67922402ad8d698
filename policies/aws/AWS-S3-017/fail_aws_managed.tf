resource "aws_s3_object" "report" {
  bucket     = "acme-reports"
  key        = "2026/q3.csv"
  content    = "a,b"
  kms_key_id = "alias/aws/s3"
}
