# as-of: 2026-11-27
resource "aws_elasticache_cluster" "old" {
  cluster_id      = "old"
  engine          = "memcached"
  engine_version  = "1.4.34"
  node_type       = "cache.t3.small"
  num_cache_nodes = 1
}
