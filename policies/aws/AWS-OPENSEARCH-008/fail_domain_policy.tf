data "aws_iam_policy_document" "open" {
  statement {
    actions   = ["es:ESHttp*"]
    resources = ["arn:aws:es:eu-west-1:111122223333:domain/legacy-search/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_elasticsearch_domain_policy" "legacy" {
  domain_name     = "legacy-search"
  access_policies = data.aws_iam_policy_document.open.json
}
