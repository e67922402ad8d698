resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 2
}
