# A candidate whose link is unknown (a variable) does not decide this resource: with no known link
# of its own, the bucket keeps the SSE-S3 default and passes.

variable "bucket_name" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = var.bucket_name

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
