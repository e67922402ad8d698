resource "aws_kinesis_firehose_delivery_stream" "logs" {
  name        = "app-logs"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose-delivery"
    bucket_arn = "arn:aws:s3:::acme-app-logs"
  }
}
