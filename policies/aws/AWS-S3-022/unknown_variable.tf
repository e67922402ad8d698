variable "block" {
  type = bool
}

resource "aws_s3_access_point" "reports" {
  bucket = "acme-reports"
  name   = "reports"

  public_access_block_configuration {
    block_public_acls       = var.block
    block_public_policy     = var.block
    ignore_public_acls      = var.block
    restrict_public_buckets = var.block
  }
}
