resource "aws_kms_key" "open" {
  description = "legacy key"
  policy      = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*"}
  ]
}
EOT
}
