# as-of: 2026-11-27
variable "runtime" {
  type    = string
  default = "nodejs16.x"
}

resource "aws_lambda_function" "hooks" {
  function_name = "hooks"
  role          = "arn:aws:iam::123456789012:role/hooks"
  handler       = "index.handler"
  runtime       = var.runtime
  filename      = "hooks.zip"
}
