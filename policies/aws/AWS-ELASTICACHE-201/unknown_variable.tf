variable "mode" {
  type = string
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "Session store"
  engine               = "redis"
  node_type            = "cache.r7g.large"
  num_cache_clusters   = 2
  port                 = 6379
  transit_encryption_enabled = true
  transit_encryption_mode    = var.mode
}
