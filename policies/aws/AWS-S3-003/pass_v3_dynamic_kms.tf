locals {
  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"

  server_side_encryption_configuration {
    rule {
      dynamic "apply_server_side_encryption_by_default" {
        for_each = local.kms_key_arn == null ? [] : [local.kms_key_arn]
        content {
          sse_algorithm     = "aws:kms"
          kms_master_key_id = apply_server_side_encryption_by_default.value
        }
      }
    }
  }
}
