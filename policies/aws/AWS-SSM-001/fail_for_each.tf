locals {
  settings = {
    "api_key"   = "placeholder"
    "log_level" = "info"
  }
}

resource "aws_ssm_parameter" "app" {
  for_each = local.settings
  name     = "/prod/app/${each.key}"
  type     = "String"
  value    = each.value
}
