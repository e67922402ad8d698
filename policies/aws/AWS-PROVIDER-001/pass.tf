provider "aws" {
  region  = "us-east-1"
  profile = "deploy"
}
