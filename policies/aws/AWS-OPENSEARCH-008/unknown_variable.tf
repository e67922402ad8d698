variable "access_policy" {
  type = string
}

resource "aws_opensearch_domain_policy" "search" {
  domain_name     = "search"
  access_policies = var.access_policy
}
