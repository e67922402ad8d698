resource "aws_networkfirewall_firewall" "egress" {
  name                = "egress"
  firewall_policy_arn = "arn:aws:network-firewall:us-east-1:111122223333:firewall-policy/egress"
  vpc_id              = "vpc-0a1b2c3d"

  subnet_mapping {
    subnet_id = "subnet-0a1b2c3d4e5f60001"
  }
  delete_protection = true
}
