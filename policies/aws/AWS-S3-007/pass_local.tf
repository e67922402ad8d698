locals {
  block = true
}

resource "aws_s3_account_public_access_block" "this" {
  account_id              = "111122223333"
  block_public_acls       = local.block
  block_public_policy     = local.block
  ignore_public_acls      = local.block
  restrict_public_buckets = local.block
}
