resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "inventory"
  engine                      = "aurora-postgresql"
  master_username             = "inventory_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
