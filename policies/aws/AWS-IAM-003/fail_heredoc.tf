resource "aws_iam_user_policy" "ops" {
  name   = "ops"
  user   = "ops-bot"
  policy = <<JSON
{
  "Version": "2012-10-17",
  "Statement": {"Effect": "Allow", "Action": "*:*", "Resource": "arn:aws:iam::111122223333:user/*"}
}
JSON
}
