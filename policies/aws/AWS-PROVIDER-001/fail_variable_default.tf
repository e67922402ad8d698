variable "access_key" {
  type    = string
  default = "AKIAI44QH8DHBEXAMPLE"
}

provider "aws" {
  region     = "us-east-1"
  access_key = var.access_key
}
