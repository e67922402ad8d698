variable "default_standards" {
  type = bool
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = var.default_standards
}
