resource "aws_ecs_task_definition" "api" {
  family   = "api"
  pid_mode = "host"

  container_definitions = jsonencode([
    {
      name       = "api"
      image      = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2"
      essential  = true
      privileged = true
      user       = "root"
      environment = [
        { name = "LOG_LEVEL", value = "info" },
        { name = "DB_PASSWORD", value = "placeholder" },
      ]
    },
  ])
}
