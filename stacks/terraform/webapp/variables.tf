variable "region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "us-east-1"
}

variable "project" {
  description = "Short project name used in resource names."
  type        = string
  default     = "webapp"
}

variable "environment" {
  description = "Deployment environment."
  type        = string
  default     = "dev"
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.20.0.0/16"
}

variable "availability_zones" {
  description = "Two availability zones for the subnets."
  type        = list(string)
  default     = ["us-east-1a", "us-east-1b"]
}

variable "instance_type" {
  description = "EC2 instance type of the application server."
  type        = string
  default     = "t3.micro"
}

variable "ami_id" {
  description = "AMI of the application server."
  type        = string
  default     = "ami-0c02fb55956c7d316"
}

variable "db_username" {
  description = "Master user name of the database."
  type        = string
  default     = "appadmin"
}

variable "db_password" {
  description = "Master password of the database."
  type        = string
  sensitive   = true
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener."
  type        = string
  default     = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
}
