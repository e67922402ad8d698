resource "aws_iam_role_policy" "ops" {
  name = "ops-inline"
  role = "ops"

  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Everything",
      "Effect": "Allow",
      "Action": ["*"],
      "Resource": ["*"]
    }
  ]
}
POLICY
}
