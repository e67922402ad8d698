variable "repository_policy" {
  type = string
}

resource "aws_ecr_repository_policy" "app" {
  repository = "app"
  policy     = var.repository_policy
}
