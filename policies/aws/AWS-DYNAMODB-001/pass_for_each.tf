locals {
  tables = {
    customers = "customer_id"
    invoices  = "invoice_id"
  }
}

resource "aws_dynamodb_table" "this" {
  for_each     = local.tables
  name         = each.key
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = each.value

  attribute {
    name = each.value
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}
