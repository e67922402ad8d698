resource "aws_kms_key" "reports" {
  enable_key_rotation = true
}

resource "aws_s3_object" "report" {
  bucket     = "acme-reports"
  key        = "2026/q3.csv"
  content    = "a,b"
  kms_key_id = aws_kms_key.reports.arn
}
