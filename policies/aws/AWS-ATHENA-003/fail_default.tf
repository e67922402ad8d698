resource "aws_athena_workgroup" "analytics" {
  name = "analytics"
}
