resource "aws_s3_bucket_object" "report" {
  bucket  = "acme-reports"
  key     = "2026/q3.csv"
  content = "a,b"
}
