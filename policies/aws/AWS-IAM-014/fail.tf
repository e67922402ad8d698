resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ecs:RegisterTaskDefinition", "iam:PassRole"]
      Resource = "*"
    }]
  })
}
