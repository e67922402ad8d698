data "aws_iam_policy_document" "queue" {
  statement {
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
    resources = ["arn:aws:sqs:eu-west-1:111122223333:jobs"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_sqs_queue" "jobs" {
  name   = "jobs"
  policy = data.aws_iam_policy_document.queue.json
}
