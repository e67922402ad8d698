resource "aws_kms_key" "s3" {
  enable_key_rotation = true
}

resource "aws_s3_object" "config" {
  bucket     = "acme-app"
  key        = "config/app.json"
  content    = "{}"
  kms_key_id = aws_kms_key.s3.arn
}
