variable "value" {
  type = bool
}

resource "aws_sagemaker_model" "churn" {
  name               = "churn"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker"

  primary_container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/churn:3"
    model_data_url = "s3://acme-models/churn/model.tar.gz"
  }
  enable_network_isolation = var.value
}
