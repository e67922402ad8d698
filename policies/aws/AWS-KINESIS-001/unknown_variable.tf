variable "encryption_type" {
  type = string
}

resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 2
  encryption_type = var.encryption_type
}
