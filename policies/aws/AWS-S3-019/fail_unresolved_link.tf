variable "bucket_name" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_notification" "other" {
  bucket      = var.bucket_name
  eventbridge = true
}
