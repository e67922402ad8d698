resource "aws_securityhub_account" "main" {
  auto_enable_controls = true
}
