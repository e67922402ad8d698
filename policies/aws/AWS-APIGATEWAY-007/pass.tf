resource "aws_apigatewayv2_api" "http" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_cloudwatch_log_group" "http_api" {
  name              = "/apigw/orders/access"
  retention_in_days = 365
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "prod"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.http_api.arn
    format          = "$context.requestId $context.identity.sourceIp $context.routeKey $context.status"
  }
}
