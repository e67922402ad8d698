resource "aws_db_snapshot" "release" {
  db_instance_identifier = "orders"
  db_snapshot_identifier = "orders-release-2024-06"
  shared_accounts        = ["444455556666"]
}
