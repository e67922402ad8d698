# as-of: 2026-11-27
resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_9.0"
}
