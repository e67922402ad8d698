variable "worker_actions" {
  type = list(string)
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/worker" }
      Action    = var.worker_actions
      Resource  = "arn:aws:sqs:eu-west-1:111122223333:jobs"
    }]
  })
}
