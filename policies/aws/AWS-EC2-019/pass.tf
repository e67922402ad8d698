resource "aws_instance" "app" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "app"

  user_data = <<-EOF
    #!/bin/bash
    DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)"
    export DB_PASSWORD
    yum install -y nginx
  EOF
}
