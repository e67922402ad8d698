resource "aws_sqs_queue" "jobs" {
  name                              = "jobs"
  kms_master_key_id                 = "alias/queues"
  kms_data_key_reuse_period_seconds = 300
}

resource "aws_sqs_queue" "events" {
  name                    = "events"
  sqs_managed_sse_enabled = true
}
