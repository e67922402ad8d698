"""The webapp example stack in Pulumi (pulumi_aws 6.x), mirroring stacks/terraform/webapp.

Deliberate misconfigurations, as in the Terraform version: SSH open to the internet
(``app-ssh``), no IMDSv2 on the instance, an unencrypted database, no versioning on the logs bucket.
"""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
project = "webapp"
environment = config.get("environment") or "dev"
vpc_cidr = config.get("vpcCidr") or "10.20.0.0/16"
instance_type = config.get("instanceType") or "t3.micro"
db_password = config.require_secret("dbPassword")
azs = ["us-east-1a", "us-east-1b"]
prefix = f"{project}-{environment}"
common_tags = {"Owner": "platform-team"}
account_id = aws.get_caller_identity().account_id


class Network(pulumi.ComponentResource):
    """VPC, internet gateway, one public and one private subnet per availability zone."""

    def __init__(self, name: str, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("webapp:index:Network", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block=vpc_cidr, enable_dns_support=True,
                               enable_dns_hostnames=True, tags={"Name": prefix}, opts=child)
        igw = aws.ec2.InternetGateway(f"{name}-igw", vpc_id=self.vpc.id, tags={"Name": f"{prefix}-igw"}, opts=child)
        self.public = [
            aws.ec2.Subnet(f"{name}-public-{i}", vpc_id=self.vpc.id, availability_zone=az,
                           cidr_block=f"10.20.{i}.0/24", map_public_ip_on_launch=True,
                           tags={"Name": f"{prefix}-public-{i}", "Tier": "public"}, opts=child)
            for i, az in enumerate(azs)
        ]
        self.private = [
            aws.ec2.Subnet(f"{name}-private-{i}", vpc_id=self.vpc.id, availability_zone=az,
                           cidr_block=f"10.20.{10 + i}.0/24",
                           tags={"Name": f"{prefix}-private-{i}", "Tier": "private"}, opts=child)
            for i, az in enumerate(azs)
        ]
        rt = aws.ec2.RouteTable(f"{name}-public-rt", vpc_id=self.vpc.id,
                                routes=[{"cidr_block": "0.0.0.0/0", "gateway_id": igw.id}], opts=child)
        for i, subnet in enumerate(self.public):
            aws.ec2.RouteTableAssociation(f"{name}-public-rta-{i}", subnet_id=subnet.id, route_table_id=rt.id,
                                          opts=child)
        self.register_outputs({"vpc_id": self.vpc.id})


network = Network("network")

key = aws.kms.Key("main", description="Encrypts the webapp buckets and trail", deletion_window_in_days=30,
                  enable_key_rotation=True, policy=json.dumps({
                      "Version": "2012-10-17",
                      "Statement": [
                          {"Sid": "AccountAdmin", "Effect": "Allow", "Action": "kms:*", "Resource": "*",
                           "Principal": {"AWS": f"arn:aws:iam::{account_id}:root"}},
                          {"Sid": "CloudTrailEncrypt", "Effect": "Allow",
                           "Action": ["kms:GenerateDataKey*", "kms:DescribeKey"], "Resource": "*",
                           "Principal": {"Service": "cloudtrail.amazonaws.com"}},
                      ],
                  }))
aws.kms.Alias("main", name=f"alias/{prefix}", target_key_id=key.key_id)

assets = aws.s3.BucketV2("assets", bucket=f"{prefix}-assets", tags=common_tags)
aws.s3.BucketVersioningV2("assets", bucket=assets.id, versioning_configuration={"status": "Enabled"})
aws.s3.BucketServerSideEncryptionConfigurationV2("assets", bucket=assets.id, rules=[{
    "apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": key.arn},
    "bucket_key_enabled": True,
}])
aws.s3.BucketPublicAccessBlock("assets", bucket=assets.id, block_public_acls=True, block_public_policy=True,
                               ignore_public_acls=True, restrict_public_buckets=True)

# MISCONFIG: the logs bucket has no BucketVersioningV2 (versioning not enabled)
logs = aws.s3.BucketV2("logs", bucket=f"{prefix}-logs", tags=common_tags)
aws.s3.BucketServerSideEncryptionConfigurationV2("logs", bucket=logs.id, rules=[{
    "apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"},
}])
aws.s3.BucketPublicAccessBlock("logs", bucket=logs.id, block_public_acls=True, block_public_policy=True,
                               ignore_public_acls=True, restrict_public_buckets=True)
logs_policy = aws.s3.BucketPolicy("logs", bucket=logs.id, policy=logs.arn.apply(lambda arn: json.dumps({
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "CloudTrailAclCheck", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Action": "s3:GetBucketAcl", "Resource": arn},
        {"Sid": "CloudTrailWrite", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Action": "s3:PutObject", "Resource": f"{arn}/cloudtrail/AWSLogs/{account_id}/*",
         "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}},
    ],
})))
aws.cloudtrail.Trail("main", name=f"{prefix}-trail", s3_bucket_name=logs.id, s3_key_prefix="cloudtrail",
                     is_multi_region_trail=True, include_global_service_events=True,
                     enable_log_file_validation=True, kms_key_id=key.arn,
                     opts=pulumi.ResourceOptions(depends_on=[logs_policy]))

alb_sg = aws.ec2.SecurityGroup("alb", name=f"{prefix}-alb", description="Public HTTPS entry point",
                               vpc_id=network.vpc.id, tags=common_tags,
                               ingress=[{"description": "HTTPS from anywhere", "from_port": 443, "to_port": 443,
                                         "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}],
                               egress=[{"description": "To the application tier", "from_port": 8080,
                                        "to_port": 8080, "protocol": "tcp", "cidr_blocks": [vpc_cidr]}])
app_sg = aws.ec2.SecurityGroup("app", name=f"{prefix}-app", description="Application servers",
                               vpc_id=network.vpc.id, tags=common_tags,
                               ingress=[{"description": "HTTP from the load balancer", "from_port": 8080,
                                         "to_port": 8080, "protocol": "tcp", "security_groups": [alb_sg.id]}],
                               egress=[{"description": "Outbound HTTPS", "from_port": 443, "to_port": 443,
                                        "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}])
# MISCONFIG: SSH (port 22) open to the whole internet
aws.ec2.SecurityGroupRule("app-ssh", type="ingress", description="SSH for troubleshooting",
                          security_group_id=app_sg.id, from_port=22, to_port=22, protocol="tcp",
                          cidr_blocks=["0.0.0.0/0"])
db_sg = aws.ec2.SecurityGroup("db", name=f"{prefix}-db", description="PostgreSQL from the application tier",
                              vpc_id=network.vpc.id, tags=common_tags,
                              ingress=[{"description": "PostgreSQL from the app servers", "from_port": 5432,
                                        "to_port": 5432, "protocol": "tcp", "security_groups": [app_sg.id]}])

role = aws.iam.Role("app", name=f"{prefix}-app", assume_role_policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Sid": "EC2AssumeRole", "Effect": "Allow", "Action": "sts:AssumeRole",
                   "Principal": {"Service": "ec2.amazonaws.com"}}],
}))
assets_policy = aws.iam.Policy("app-assets", name=f"{prefix}-app-assets",
                               description="Read and write the application's asset objects only",
                               policy=pulumi.Output.all(assets.arn, key.arn).apply(lambda a: json.dumps({
                                   "Version": "2012-10-17",
                                   "Statement": [
                                       {"Sid": "AssetObjects", "Effect": "Allow",
                                        "Action": ["s3:GetObject", "s3:PutObject"], "Resource": f"{a[0]}/*"},
                                       {"Sid": "AssetKey", "Effect": "Allow",
                                        "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": a[1]},
                                   ],
                               })))
aws.iam.RolePolicyAttachment("app-assets", role=role.name, policy_arn=assets_policy.arn)
profile = aws.iam.InstanceProfile("app", name=f"{prefix}-app", role=role.name)

# MISCONFIG: no metadata_options, so IMDSv2 (http_tokens = "required") is not enforced
instance = aws.ec2.Instance("app", ami="ami-0c02fb55956c7d316", instance_type=instance_type,
                            subnet_id=network.private[0].id, vpc_security_group_ids=[app_sg.id],
                            iam_instance_profile=profile.name, monitoring=True,
                            root_block_device={"volume_size": 20, "volume_type": "gp3", "encrypted": True},
                            tags={**common_tags, "Name": f"{prefix}-app"})

subnet_group = aws.rds.SubnetGroup("main", name=f"{prefix}-db", subnet_ids=[s.id for s in network.private])
aws.rds.Instance("main", identifier=f"{prefix}-db", engine="postgres", engine_version="15.5",
                 instance_class="db.t3.micro", allocated_storage=20, db_name="app", username="appadmin",
                 password=db_password, db_subnet_group_name=subnet_group.name, vpc_security_group_ids=[db_sg.id],
                 multi_az=True, publicly_accessible=False, backup_retention_period=7, deletion_protection=True,
                 skip_final_snapshot=False,
                 # MISCONFIG: database storage is not encrypted at rest
                 storage_encrypted=False)

lb = aws.lb.LoadBalancer("web", name=f"{prefix}-alb", internal=False, load_balancer_type="application",
                         security_groups=[alb_sg.id], subnets=[s.id for s in network.public],
                         drop_invalid_header_fields=True, enable_deletion_protection=True,
                         access_logs={"bucket": logs.id, "prefix": "alb", "enabled": True})
tg = aws.lb.TargetGroup("app", name=f"{prefix}-app", port=8080, protocol="HTTP", vpc_id=network.vpc.id,
                        health_check={"path": "/healthz", "healthy_threshold": 3, "unhealthy_threshold": 3,
                                      "interval": 30})
aws.lb.Listener("https", load_balancer_arn=lb.arn, port=443, protocol="HTTPS",
                ssl_policy="ELBSecurityPolicy-TLS13-1-2-2021-06",
                certificate_arn="arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000",
                default_actions=[{"type": "forward", "target_group_arn": tg.arn}])
aws.lb.TargetGroupAttachment("app", target_group_arn=tg.arn, target_id=instance.id, port=8080)

pulumi.export("albDnsName", lb.dns_name)
pulumi.export("vpcId", network.vpc.id)
