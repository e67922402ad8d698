resource "aws_s3_object" "config" {
  bucket  = "acme-app"
  key     = "config/app.json"
  content = "{}"
}
