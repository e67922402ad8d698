# as-of: 2026-11-27
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "session store"
  engine               = "valkey"
  engine_version       = "8.0"
  node_type            = "cache.t4g.small"
}
