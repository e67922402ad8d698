provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias      = "audit"
  region     = "eu-west-1"
  secret_key = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
}
