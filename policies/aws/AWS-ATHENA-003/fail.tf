resource "aws_athena_workgroup" "analytics" {
  name = "analytics"
  configuration {
    result_configuration {
      output_location = "s3://acme-athena-results/"
    }
  }
}
