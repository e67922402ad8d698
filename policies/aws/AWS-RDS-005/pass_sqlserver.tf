resource "aws_db_instance" "reporting" {
  identifier                  = "reporting"
  engine                      = "sqlserver-se"
  license_model               = "license-included"
  instance_class              = "db.m6i.xlarge"
  allocated_storage           = 200
  username                    = "report_admin"
  manage_master_user_password = true
  storage_encrypted           = true
}
