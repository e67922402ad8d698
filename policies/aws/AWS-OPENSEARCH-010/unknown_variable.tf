variable "value" {
  type = number
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = var.value
    zone_awareness_enabled = true
  }
}
