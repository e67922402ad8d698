# as-of: 2026-11-27
resource "aws_lambda_function" "ancient" {
  function_name = "ancient"
  role          = "arn:aws:iam::123456789012:role/ancient"
  handler       = "index.handler"
  runtime       = "nodejs12.x"
  filename      = "ancient.zip"
}
