resource "aws_s3_bucket" "data" {
  bucket = "acme-data"

  versioning {
    enabled = true
  }

  replication_configuration {
    role = "arn:aws:iam::111122223333:role/s3-replication"

    rules {
      id     = "all"
      status = "Enabled"

      destination {
        bucket = "arn:aws:s3:::acme-data-replica"
      }
    }
  }
}
