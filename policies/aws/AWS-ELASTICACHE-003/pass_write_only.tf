variable "auth_token" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = "replace-me-from-a-secret-store"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "Session store"
  engine                     = "redis"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  auth_token_wo              = var.auth_token
  auth_token_wo_version      = 1
}
