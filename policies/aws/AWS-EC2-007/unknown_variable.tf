variable "encrypt_copies" {
  type = bool
}

resource "aws_ebs_snapshot_copy" "dr" {
  source_snapshot_id = "snap-0123456789abcdef0"
  source_region      = "eu-west-1"
  encrypted          = var.encrypt_copies
}
