variable "policy_json" {
  type = string
}

resource "aws_s3_bucket_policy" "data" {
  bucket = "acme-data"
  policy = var.policy_json
}
