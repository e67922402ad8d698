resource "aws_s3_bucket_object" "config" {
  bucket  = "acme-app"
  key     = "config/app.json"
  content = "{}"
}
