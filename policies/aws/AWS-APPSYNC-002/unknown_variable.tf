variable "value" {
  type = string
}

resource "aws_appsync_graphql_api" "orders" {
  name                = "orders"
  authentication_type = var.value
}
