resource "aws_s3_bucket" "archive" {
  bucket = "acme-archive"

  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "TlsOnly",
      "Effect": "Deny",
      "Principal": {"AWS": "*"},
      "Action": "s3:*",
      "Resource": ["arn:aws:s3:::acme-archive", "arn:aws:s3:::acme-archive/*"],
      "Condition": {"Bool": {"aws:SecureTransport": false}}
    }
  ]
}
POLICY
}
