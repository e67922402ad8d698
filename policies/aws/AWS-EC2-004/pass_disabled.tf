resource "aws_instance" "batch" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "c6i.large"

  metadata_options {
    http_endpoint = "disabled"
  }
}
