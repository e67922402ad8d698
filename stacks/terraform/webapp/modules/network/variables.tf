variable "name" {
  description = "Name prefix for the network resources."
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
}

variable "availability_zones" {
  description = "Availability zones, one public and one private subnet each."
  type        = list(string)
}
