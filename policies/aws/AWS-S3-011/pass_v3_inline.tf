resource "aws_s3_bucket" "ledger" {
  bucket = "acme-ledger"

  versioning {
    enabled    = true
    mfa_delete = true
  }
}
