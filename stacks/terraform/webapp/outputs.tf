output "alb_dns_name" {
  description = "Public DNS name of the load balancer."
  value       = aws_lb.web.dns_name
}

output "vpc_id" {
  value = module.network.vpc_id
}
