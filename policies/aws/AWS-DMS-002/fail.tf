resource "aws_dms_endpoint" "source" {
  endpoint_id                     = "orders-source"
  endpoint_type                   = "source"
  engine_name                     = "postgres"
  server_name                     = "orders.cluster-abc.us-east-1.rds.amazonaws.com"
  port                            = 5432
  database_name                   = "orders"
  secrets_manager_arn             = "arn:aws:secretsmanager:us-east-1:111122223333:secret:dms/orders-AbCdEf"
  secrets_manager_access_role_arn = "arn:aws:iam::111122223333:role/dms-secrets"
  ssl_mode                        = "none"
}
