resource "aws_cloudwatch_log_group" "service" {
  for_each          = toset(["api", "worker"])
  name              = "/app/${each.key}"
  retention_in_days = 0
}
