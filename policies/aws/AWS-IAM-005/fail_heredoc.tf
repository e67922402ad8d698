resource "aws_iam_role" "open" {
  name               = "open"
  assume_role_policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": "*"}
  ]
}
EOT
}
