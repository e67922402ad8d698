resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  lifecycle_rule {
    id      = "expire"
    enabled = false

    expiration {
      days = 365
    }
  }
}
