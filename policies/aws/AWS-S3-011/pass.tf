variable "root_mfa" {
  type      = string
  sensitive = true
  default   = "arn:aws:iam::111122223333:mfa/root-account-mfa-device 000000"
}

resource "aws_s3_bucket" "ledger" {
  bucket = "acme-ledger"
}

resource "aws_s3_bucket_versioning" "ledger" {
  bucket = aws_s3_bucket.ledger.id
  mfa    = var.root_mfa

  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}
