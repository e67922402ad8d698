variable "document" {
  type = string
}

resource "aws_iam_policy" "custom" {
  name   = "custom"
  policy = var.document
}
