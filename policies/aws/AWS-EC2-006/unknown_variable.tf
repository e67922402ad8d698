variable "encrypt_root" {
  type = bool
}

resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = var.encrypt_root
  }
}
