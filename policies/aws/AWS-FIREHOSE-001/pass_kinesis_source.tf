resource "aws_kinesis_firehose_delivery_stream" "events" {
  name        = "events-to-s3"
  destination = "extended_s3"

  kinesis_source_configuration {
    kinesis_stream_arn = "arn:aws:kinesis:eu-west-1:111122223333:stream/events"
    role_arn           = "arn:aws:iam::111122223333:role/firehose-read"
  }

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose-delivery"
    bucket_arn = "arn:aws:s3:::acme-events"
  }
}
