variable "block" {
  type = bool
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = "acme-data"
  block_public_acls       = var.block
  block_public_policy     = var.block
  ignore_public_acls      = var.block
  restrict_public_buckets = var.block
}
