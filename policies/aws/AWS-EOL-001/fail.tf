# as-of: 2026-11-27
resource "aws_lambda_function" "legacy" {
  function_name = "legacy"
  role          = "arn:aws:iam::123456789012:role/legacy"
  handler       = "index.handler"
  runtime       = "python3.8"
  filename      = "legacy.zip"
}
