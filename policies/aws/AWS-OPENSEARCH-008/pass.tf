resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type = "r6g.large.search"
  }
}

resource "aws_opensearch_domain_policy" "search" {
  domain_name = aws_opensearch_domain.search.domain_name
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/indexer" }
        Action    = ["es:ESHttpGet", "es:ESHttpPost", "es:ESHttpPut"]
        Resource  = "arn:aws:es:eu-west-1:111122223333:domain/search/*"
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "es:ESHttpGet"
        Resource  = "arn:aws:es:eu-west-1:111122223333:domain/search/*"
        Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }
      }
    ]
  })
}
