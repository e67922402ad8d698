resource "aws_guardduty_organization_configuration" "org" {
  detector_id = "12abc34d567e8fa901bc2d34e56789f0"
}
