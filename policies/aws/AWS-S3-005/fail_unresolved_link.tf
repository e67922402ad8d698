# A candidate whose link is unknown (a variable) does not decide this resource: it has no known
# link of its own, so it fails, and the message names the candidate.

variable "bucket_name" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = var.bucket_name
  target_bucket = "acme-access-logs"
  target_prefix = "data/"
}
