resource "aws_athena_workgroup" "analytics" {
  name = "analytics"
  configuration {
    publish_cloudwatch_metrics_enabled = true
  }
}
