# as-of: 2026-11-27
resource "aws_elasticsearch_domain" "logs" {
  domain_name           = "logs"
  elasticsearch_version = "6.4"
}
