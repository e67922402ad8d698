resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "arn:aws:ecs:us-east-1:111122223333:cluster/main"
  task_definition = "api:3"
  desired_count   = 2
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    security_groups = ["sg-0123456789abcdef0"]
  }
}
