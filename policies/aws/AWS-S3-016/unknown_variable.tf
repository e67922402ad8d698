variable "sse" {
  type = string
}

resource "aws_s3_object" "config" {
  bucket                 = "acme-app"
  key                    = "config/app.json"
  content                = "{}"
  server_side_encryption = var.sse
}
