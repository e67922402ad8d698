resource "aws_elasticache_cluster" "fragments" {
  cluster_id      = "page-fragments"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
  port            = 11211
}
