resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
