resource "aws_sns_topic" "alerts" {
  name   = "alerts"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Resource": "*"}]
}
EOT
}
