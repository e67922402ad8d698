resource "aws_rds_cluster" "reporting" {
  cluster_identifier          = "reporting"
  engine                      = "aurora-mysql"
  engine_mode                 = "serverless"
  master_username             = "reporting_admin"
  manage_master_user_password = true

  scaling_configuration {
    auto_pause   = true
    min_capacity = 1
    max_capacity = 4
  }
}
