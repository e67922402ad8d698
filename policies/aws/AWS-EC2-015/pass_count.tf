resource "aws_vpc" "env" {
  count      = 2
  cidr_block = "10.${count.index}.0.0/16"
}

resource "aws_flow_log" "env" {
  count                = 2
  vpc_id               = aws_vpc.env[count.index].id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}
