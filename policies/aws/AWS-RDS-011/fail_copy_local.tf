locals {
  share_with = ["444455556666", "all"]
}

resource "aws_db_snapshot_copy" "dr" {
  source_db_snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:snapshot:orders-release"
  target_db_snapshot_identifier = "orders-release-dr"
  shared_accounts               = local.share_with
}
