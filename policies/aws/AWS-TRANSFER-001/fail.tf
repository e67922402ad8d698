resource "aws_transfer_server" "files" {
  identity_provider_type = "SERVICE_MANAGED"
  endpoint_type          = "VPC"

  endpoint_details {
    vpc_id     = "vpc-0a1b2c3d"
    subnet_ids = ["subnet-0a1b2c3d4e5f60001"]
  }
  protocols = ["SFTP", "FTP"]
}
