resource "aws_alb" "legacy" {
  name                       = "legacy"
  subnets                    = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  drop_invalid_header_fields = false
}
