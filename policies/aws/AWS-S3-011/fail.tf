resource "aws_s3_bucket" "ledger" {
  bucket = "acme-ledger"
}

resource "aws_s3_bucket_versioning" "ledger" {
  bucket = aws_s3_bucket.ledger.id

  versioning_configuration {
    status = "Enabled"
  }
}
