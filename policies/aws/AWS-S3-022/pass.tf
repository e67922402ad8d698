resource "aws_s3_access_point" "reports" {
  bucket = "acme-reports"
  name   = "reports"
}
