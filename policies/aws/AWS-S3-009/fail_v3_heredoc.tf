resource "aws_s3_bucket" "site" {
  bucket = "acme-site"

  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Principal": "*",
    "Action": ["s3:GetObject"],
    "Resource": "arn:aws:s3:::acme-site/*"
  }
}
EOT
}
