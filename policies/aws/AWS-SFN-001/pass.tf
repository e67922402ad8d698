resource "aws_sfn_state_machine" "orders" {
  name       = "orders"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = jsonencode({ StartAt = "Done", States = { Done = { Type = "Succeed" } } })
  logging_configuration {
    log_destination        = "arn:aws:logs:us-east-1:111122223333:log-group:/sfn/orders:*"
    include_execution_data = false
    level                  = "ERROR"
  }
}
