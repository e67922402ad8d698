resource "aws_ecr_repository" "svc" {
  for_each = { api = true, worker = false }
  name     = each.key

  image_scanning_configuration {
    scan_on_push = each.value
  }
}
