# A candidate whose link is unknown (a variable) does not decide this resource: it has no known
# link of its own, so it fails, and the message names the candidate.

variable "cluster_name" {
  type = string
}

resource "aws_redshift_cluster" "analytics" {
  cluster_identifier          = "analytics"
  database_name               = "analytics"
  master_username             = "analytics_admin"
  manage_master_password      = true
  node_type                   = "ra3.xlplus"
  cluster_type                = "multi-node"
  number_of_nodes             = 2
  encrypted                   = true
}

resource "aws_redshift_logging" "audit" {
  cluster_identifier   = var.cluster_name
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog"]
}
