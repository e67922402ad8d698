locals {
  env = {
    LOG_LEVEL    = "info"
    GITHUB_TOKEN = "placeholder"
  }
}

resource "aws_ecs_task_definition" "api" {
  family = "api"

  container_definitions = jsonencode([
    {
      name        = "api"
      image       = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2"
      essential   = true
      environment = [for k, v in local.env : { name = k, value = v }]
    },
  ])
}
