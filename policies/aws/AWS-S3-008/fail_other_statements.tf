resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "ReadForAnalytics"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/analytics" }
        Action    = ["s3:GetObject"]
        Resource  = "arn:aws:s3:::acme-data/*"
      }
    ]
  })
}
