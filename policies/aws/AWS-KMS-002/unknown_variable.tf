variable "key_policy" {
  type = string
}

resource "aws_kms_key" "data" {
  description = "application data"
  policy      = var.key_policy
}
