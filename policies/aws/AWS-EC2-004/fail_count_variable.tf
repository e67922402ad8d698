variable "imds_tokens" {
  type    = string
  default = "optional"
}

resource "aws_instance" "node" {
  count         = 2
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = var.imds_tokens
  }
}
