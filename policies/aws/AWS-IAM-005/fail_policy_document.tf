data "aws_iam_policy_document" "anyone" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "anyone" {
  name               = "anyone"
  assume_role_policy = data.aws_iam_policy_document.anyone.json
}
