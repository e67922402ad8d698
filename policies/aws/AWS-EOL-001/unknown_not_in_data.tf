# as-of: 2026-11-27
resource "aws_lambda_function" "future" {
  function_name = "future"
  role          = "arn:aws:iam::123456789012:role/future"
  handler       = "index.handler"
  runtime       = "nodejs26.x"
  filename      = "future.zip"
}
