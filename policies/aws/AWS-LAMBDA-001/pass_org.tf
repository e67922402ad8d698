resource "aws_lambda_permission" "org" {
  statement_id     = "AllowOrg"
  action           = "lambda:InvokeFunction"
  function_name    = "shared-lookup"
  principal        = "*"
  principal_org_id = "o-abc123def4"
}
