variable "containers" {
  type = string
}

resource "aws_ecs_task_definition" "api" {
  family                = "api"
  container_definitions = var.containers
}
