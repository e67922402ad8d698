# as-of: 2025-09-01
resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "Elasticsearch_7.4"
}
