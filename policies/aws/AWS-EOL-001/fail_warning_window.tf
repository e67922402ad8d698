# as-of: 2026-10-15
resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = "arn:aws:iam::123456789012:role/billing"
  handler       = "Billing::Handler"
  runtime       = "dotnet8"
  filename      = "billing.zip"
}
