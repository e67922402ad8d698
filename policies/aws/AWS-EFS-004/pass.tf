resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0123456789abcdef0"
  root_directory {
    path = "/app"

    creation_info {
      owner_uid   = 1000
      owner_gid   = 1000
      permissions = "750"
    }
  }
}
