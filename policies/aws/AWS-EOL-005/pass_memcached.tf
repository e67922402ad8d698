# as-of: 2026-11-27
resource "aws_elasticache_cluster" "memo" {
  cluster_id      = "memo"
  engine          = "memcached"
  engine_version  = "1.6.22"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
}
