locals {
  versioning_status = "Enabled"
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.bucket

  versioning_configuration {
    status = local.versioning_status
  }
}
