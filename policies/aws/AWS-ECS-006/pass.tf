resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::111122223333:role/api-execution"

  container_definitions = jsonencode([
    {
      name                   = "api"
      image                  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2"
      essential              = true
      user                   = "1000:1000"
      privileged             = false
      readonlyRootFilesystem = true
      environment = [
        { name = "LOG_LEVEL", value = "info" },
      ]
      secrets = [
        { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf" },
      ]
    },
  ])
}
