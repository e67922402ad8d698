variable "bucket_name" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = var.bucket_name
  target_bucket = "acme-access-logs"
  target_prefix = "data/"
}
