variable "repository" {
  type = string
}

resource "aws_ecr_repository" "api" {
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_lifecycle_policy" "other" {
  repository = var.repository
  policy     = "{}"
}
