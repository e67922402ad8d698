variable "buckets" {
  type    = set(string)
  default = ["invoices", "contracts"]
}

resource "aws_s3_bucket" "doc" {
  for_each = var.buckets
  bucket   = "acme-${each.key}"
}

resource "aws_s3_bucket_versioning" "doc" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.doc[each.key].id

  versioning_configuration {
    status = "Enabled"
  }
}
