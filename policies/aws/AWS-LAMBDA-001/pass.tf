resource "aws_lambda_permission" "from_s3" {
  statement_id   = "AllowS3Invoke"
  action         = "lambda:InvokeFunction"
  function_name  = "thumbnail"
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::uploads-111122223333"
  source_account = "111122223333"
}
