resource "aws_s3_object" "report" {
  bucket                 = "acme-reports"
  key                    = "2026/q3.csv"
  content                = "a,b"
  server_side_encryption = "aws:kms"
}
