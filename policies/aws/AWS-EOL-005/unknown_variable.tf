# as-of: 2026-11-27
variable "redis_version" {
  type = string
}

resource "aws_elasticache_cluster" "cache" {
  cluster_id      = "cache"
  engine          = "redis"
  engine_version  = var.redis_version
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}
