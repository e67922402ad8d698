# A candidate whose link is unknown (a variable) does not decide this resource: it has no known
# link of its own, so it fails, and the message names the candidate.

variable "rotated_secret_id" {
  type = string
}

resource "aws_secretsmanager_secret" "db" {
  name = "prod/db/master"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = var.rotated_secret_id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate-db"

  rotation_rules {
    automatically_after_days = 30
  }
}
