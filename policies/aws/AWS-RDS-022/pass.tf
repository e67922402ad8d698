resource "aws_rds_cluster" "orders" {
  engine                      = "aurora-postgresql"
  cluster_identifier          = "orders"
  master_username             = "orders_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
