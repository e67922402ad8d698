resource "aws_api_gateway_stage" "prod" {
  stage_name    = "prod"
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "dep123"
}

resource "aws_wafregional_web_acl_association" "api" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_id   = "a1b2c3d4-5678-90ab-cdef-111122223333"
}
