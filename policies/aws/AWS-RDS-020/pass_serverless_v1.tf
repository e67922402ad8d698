# Aurora Serverless v1 takes no log exports: it publishes its logs to CloudWatch Logs itself.
resource "aws_rds_cluster" "reports" {
  cluster_identifier          = "reports"
  engine                      = "aurora-postgresql"
  engine_mode                 = "serverless"
  master_username             = "reports_admin"
  manage_master_user_password = true
  storage_encrypted           = true
}
