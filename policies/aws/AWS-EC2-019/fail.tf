resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  user_data = <<-EOF
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
    export AWS_DEFAULT_REGION=us-east-1
    aws s3 cp s3://acme-config/app.conf /etc/app.conf
  EOF
}
