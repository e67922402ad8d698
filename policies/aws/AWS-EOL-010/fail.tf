# as-of: 2026-11-27
# origin: live
resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  ami_creation_date = "2025-11-01T10:00:00.000Z"
}
