resource "aws_launch_configuration" "worker" {
  name_prefix      = "worker-"
  image_id         = "ami-0abcdef1234567890"
  instance_type    = "t3.micro"
  user_data_base64 = base64encode("#!/bin/bash\ncat > /root/.ssh/id_rsa <<KEY\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\nKEY\n")
}
