locals {
  volumes = {
    data = 200
    logs = 50
  }
}

resource "aws_ebs_volume" "disk" {
  for_each          = local.volumes
  availability_zone = "eu-west-1a"
  size              = each.value
  encrypted         = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
