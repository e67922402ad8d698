variable "pid_mode" {
  type = string
}

resource "aws_ecs_task_definition" "api" {
  family   = "api"
  pid_mode = var.pid_mode
  container_definitions = jsonencode([{
    name      = "api"
    image     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2"
    essential = true
  }])
}
