variable "key_id" {
  type = string
}

resource "aws_kms_key" "app" {
  description         = "app data"
  enable_key_rotation = true
}

resource "aws_kms_key_policy" "other" {
  key_id = var.key_id
  policy = "{}"
}
