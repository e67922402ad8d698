resource "aws_ebs_snapshot_import" "migrated" {
  disk_container {
    format = "VMDK"
    url    = "s3://acme-disk-images/legacy/app.vmdk"
  }

  role_name = "vmimport"
  encrypted = false
}
