# as-of: 2026-11-27
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "session store"
  engine_version       = "7.1"
  node_type            = "cache.t4g.small"
}
