# as-of: 2026-11-27
resource "aws_elasticache_cluster" "legacy" {
  cluster_id      = "legacy"
  engine          = "redis"
  engine_version  = "5.0.6"
  node_type       = "cache.t3.small"
  num_cache_nodes = 1
}
