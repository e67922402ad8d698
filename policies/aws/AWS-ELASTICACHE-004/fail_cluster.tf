resource "aws_elasticache_cluster" "queue" {
  cluster_id               = "jobs"
  engine                   = "redis"
  node_type                = "cache.t4g.small"
  num_cache_nodes          = 1
  snapshot_retention_limit = 0
}
