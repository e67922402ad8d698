resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  lifecycle_rule {
    id      = "expire"
    enabled = true

    expiration {
      days = 365
    }
  }
}
