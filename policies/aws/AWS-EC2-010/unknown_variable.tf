variable "public_ip" {
  type = bool
}

resource "aws_instance" "app" {
  ami                         = "ami-0c55b159cbfafe1f0"
  instance_type               = "t3.micro"
  associate_public_ip_address = var.public_ip
}
