locals {
  teams = {
    blue = ["s3:GetObject"]
    red  = ["*"]
  }
}

resource "aws_iam_group_policy" "team" {
  for_each = local.teams
  name     = "team-${each.key}"
  group    = each.key
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = each.value
      Resource = "*"
    }]
  })
}
