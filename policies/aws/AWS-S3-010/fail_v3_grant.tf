resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"

  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/s3/LogDelivery"
    permissions = ["READ_ACP", "WRITE"]
  }
}
