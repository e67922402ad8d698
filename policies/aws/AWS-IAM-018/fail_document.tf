data "aws_iam_policy_document" "db" {
  statement {
    actions   = ["rds-db:Connect", "redshift:GetClusterCredentials"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "db" {
  name   = "db"
  role   = "analyst"
  policy = data.aws_iam_policy_document.db.json
}
