locals {
  volumes = {
    uploads = false
    cache   = false
  }
}

resource "aws_efs_file_system" "vol" {
  for_each       = local.volumes
  creation_token = each.key
  encrypted      = each.value
}
