variable "versioned" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"

  dynamic "versioning" {
    for_each = [var.versioned]
    content {
      enabled = versioning.value
    }
  }
}
