resource "aws_instance" "app" {
  ami                         = "ami-0c55b159cbfafe1f0"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0a1b2c3d4e5f60718"
  associate_public_ip_address = false
}
