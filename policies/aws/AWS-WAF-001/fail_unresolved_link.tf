# A candidate whose link is unknown (a variable) does not decide this resource: it has no known
# link of its own, so it fails, and the message names the candidate.

variable "logged_acl_arn" {
  type = string
}

resource "aws_wafv2_web_acl" "main" {
  name  = "edge"
  scope = "REGIONAL"

  default_action {
    block {}
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "edge"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_logging_configuration" "main" {
  resource_arn            = var.logged_acl_arn
  log_destination_configs = ["arn:aws:logs:eu-west-1:111122223333:log-group:aws-waf-logs-edge"]
}
