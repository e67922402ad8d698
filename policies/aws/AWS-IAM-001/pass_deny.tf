resource "aws_iam_group_policy" "guard" {
  name  = "deny-everything-outside-eu"
  group = "developers"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Deny"
      Action   = "*"
      Resource = "*"
      Condition = {
        StringNotEquals = { "aws:RequestedRegion" = ["eu-west-1"] }
      }
    }]
  })
}
