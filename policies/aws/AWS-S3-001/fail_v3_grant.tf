resource "aws_s3_bucket" "shared" {
  bucket = "acme-shared"

  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
    permissions = ["READ"]
  }
}
