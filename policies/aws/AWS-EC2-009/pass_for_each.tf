variable "consumer_accounts" {
  type    = set(string)
  default = ["444455556666", "777788889999"]
}

resource "aws_ami_launch_permission" "consumer" {
  for_each   = var.consumer_accounts
  image_id   = "ami-0c55b159cbfafe1f0"
  account_id = each.value
}
