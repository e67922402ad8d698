resource "aws_ebs_snapshot_import" "migrated" {
  disk_container {
    format = "VHD"
    user_bucket {
      s3_bucket = "acme-disk-images"
      s3_key    = "legacy/app.vhd"
    }
  }

  role_name = "vmimport"
  encrypted = true
}
