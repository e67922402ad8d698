variable "tls" {
  type = bool
}

resource "aws_db_proxy" "orders" {
  name                   = "orders-proxy"
  engine_family          = "POSTGRESQL"
  role_arn               = "arn:aws:iam::111122223333:role/rds-proxy"
  vpc_subnet_ids         = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  vpc_security_group_ids = ["sg-0123456789abcdef0"]

  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders-db-AbCdEf"
  }

  require_tls = var.tls
}
