variable "bootstrap_script" {
  type = string
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = var.bootstrap_script
}
