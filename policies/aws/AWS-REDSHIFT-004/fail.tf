resource "aws_redshift_cluster" "analytics" {
  cluster_identifier          = "analytics"
  database_name               = "analytics"
  master_username             = "analytics_admin"
  manage_master_password      = true
  node_type                   = "ra3.xlplus"
  cluster_type                = "multi-node"
  number_of_nodes             = 2
}
