# as-of: 2026-11-27
variable "runtime" {
  type = string
}

resource "aws_lambda_function" "jobs" {
  function_name = "jobs"
  role          = "arn:aws:iam::123456789012:role/jobs"
  handler       = "index.handler"
  runtime       = var.runtime
  filename      = "jobs.zip"
}
