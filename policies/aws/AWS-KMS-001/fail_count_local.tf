locals {
  rotate = false
}

resource "aws_kms_key" "tenant" {
  count               = 2
  description         = "tenant ${count.index}"
  enable_key_rotation = local.rotate
}
