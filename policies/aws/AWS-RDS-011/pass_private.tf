resource "aws_db_cluster_snapshot" "before_upgrade" {
  db_cluster_identifier          = "inventory"
  db_cluster_snapshot_identifier = "inventory-before-upgrade"
}
