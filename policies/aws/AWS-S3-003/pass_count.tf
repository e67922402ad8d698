resource "aws_s3_bucket" "shard" {
  count  = 2
  bucket = "acme-shard-${count.index}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "shard" {
  count  = 2
  bucket = aws_s3_bucket.shard[count.index].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
