resource "aws_ssm_document" "patch" {
  name          = "patch-app"
  document_type = "Command"
  content       = jsonencode({ schemaVersion = "2.2", description = "patch", mainSteps = [] })
}
