# as-of: 2026-11-27
resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "cache"
  description          = "page cache"
  engine               = "redis"
  engine_version       = "6.x"
  node_type            = "cache.t4g.small"
}
