resource "aws_iam_policy" "pass_task_role" {
  name = "pass-task-role"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "iam:PassRole"
      Resource  = "arn:aws:iam::111122223333:role/app-task"
      Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
    }]
  })
}
