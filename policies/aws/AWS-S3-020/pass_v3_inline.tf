resource "aws_s3_bucket" "backups" {
  bucket = "acme-backups"

  versioning {
    enabled = true
  }

  object_lock_configuration {
    object_lock_enabled = "Enabled"
  }
}
