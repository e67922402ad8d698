resource "aws_kms_key" "app" {
  description         = "app data"
  enable_key_rotation = true
}
