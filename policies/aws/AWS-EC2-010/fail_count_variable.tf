variable "public_instances" {
  type    = bool
  default = true
}

resource "aws_instance" "web" {
  count                       = 2
  ami                         = "ami-0c55b159cbfafe1f0"
  instance_type               = "t3.micro"
  associate_public_ip_address = var.public_instances
}
