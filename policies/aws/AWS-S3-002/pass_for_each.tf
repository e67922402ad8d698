locals {
  buckets = toset(["logs", "backups"])
}

resource "aws_s3_bucket" "this" {
  for_each = local.buckets
  bucket   = "acme-${each.key}"
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each                = local.buckets
  bucket                  = aws_s3_bucket.this[each.key].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
