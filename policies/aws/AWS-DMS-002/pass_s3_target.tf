resource "aws_dms_endpoint" "lake" {
  endpoint_id   = "lake"
  endpoint_type = "target"
  engine_name   = "s3"
}
