resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  container_definitions = <<JSON
[
  {
    "name": "sidecar",
    "image": "public.ecr.aws/docker/library/busybox:1.36",
    "essential": false,
    "user": "1000",
    "readonlyRootFilesystem": true
  },
  {
    "name": "worker",
    "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/worker:2.0.0",
    "essential": true,
    "privileged": true,
    "user": "0:0",
    "environment": [{"name": "STRIPE_API_KEY", "value": "placeholder"}]
  }
]
JSON
}
