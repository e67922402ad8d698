resource "aws_instance" "db_client" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\nmysql -h db.internal -u app --password=Tr0ub4dor3 < /opt/init.sql\n"
}
