# as-of: 2026-11-27
variable "engine_version" {
  type = string
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = var.engine_version
}
