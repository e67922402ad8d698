data "aws_iam_policy_document" "open" {
  statement {
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = ["arn:aws:s3:::acme-dropbox/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket" "dropbox" {
  bucket = "acme-dropbox"
}

resource "aws_s3_bucket_policy" "dropbox" {
  bucket = aws_s3_bucket.dropbox.id
  policy = data.aws_iam_policy_document.open.json
}
