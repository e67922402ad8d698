resource "aws_vpc" "prod" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "staging" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_flow_log" "prod" {
  vpc_id          = aws_vpc.prod.id
  traffic_type    = "ALL"
  iam_role_arn    = "arn:aws:iam::111122223333:role/flow-logs"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:/vpc/prod"
}
