from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from scanner.errors import SourceError
from scanner.model import Mode, Origin, Sensitive
from scanner.sources.pulumi_state import load_export, load_file_backend
from scanner.sources.pulumi_types import convert_properties, snake_case, terraform_type
from scanner.sources.terraform_state import load_state

SECRETS = ("PULUMI-CIPHERTEXT-c1", "PULUMI-PLAINTEXT-SECRET-9e")


def test_resources_and_addresses(fixtures: Path) -> None:
    inv = load_export(fixtures / "pulumi_export.json", base_dir=fixtures)
    assert [r.address for r in inv.resources] == [
        "aws_cloudtrail.audit",
        "aws_db_instance.db",
        "aws_s3_bucket.media",
        "aws_s3_bucket.media[1]",
        "aws_s3_bucket_public_access_block.media",
        "aws_security_group.web",
        "aws_vpc.shared",
    ]
    assert inv.by_address()["aws_vpc.shared"].mode is Mode.DATA  # read with .get(), not managed
    assert len(inv.managed()) == 6
    assert inv.inputs == ("pulumi_export.json", "pulumi-stack:shop/prod")
    assert all(r.origin is Origin.PULUMI for r in inv.resources)
    # stack, provider, component and non-AWS resources are skipped; the name clash is noted
    assert [n.message for n in inv.notifications] == [
        "urn:pulumi:prod::shop::shop:index:Other$aws:s3/bucket:Bucket::media: address taken, "
        "named aws_s3_bucket.media[1]"
    ]


def test_attributes_in_terraform_shape(fixtures: Path) -> None:
    by = load_export(fixtures / "pulumi_export.json", base_dir=fixtures).by_address()
    bucket = by["aws_s3_bucket.media"]
    assert bucket.cloud_id == "shop-media-1a2b"
    assert bucket.name == "media"
    assert bucket.attrs["versioning"] == [{"enabled": True, "mfa_delete": False}]
    assert bucket.attrs["server_side_encryption_configuration"] == [
        {
            "rule": [
                {
                    "apply_server_side_encryption_by_default": [
                        {"kms_master_key_id": "", "sse_algorithm": "aws:kms"}
                    ],
                    "bucket_key_enabled": True,
                }
            ]
        }
    ]
    assert bucket.attrs["lifecycle_rule"] == [{"enabled": True, "expiration": [{"days": 30}], "id": "expire"}]
    assert bucket.attrs["logging"] == []
    assert bucket.attrs["tags"] == {"Name": "media", "cost-center": "42", "team": "web"}
    assert bucket.attrs["tags_all"]["Stack"] == "prod"
    assert "__meta" not in bucket.attrs and "meta" not in bucket.attrs
    sg = by["aws_security_group.web"]
    assert sg.attrs["ingress"][0]["cidr_blocks"] == ["0.0.0.0/0"]
    assert sg.attrs["ingress"][0]["from_port"] == 22
    assert sg.attrs["vpc_id"] == "vpc-0a1b2c3d"
    trail = by["aws_cloudtrail.audit"]
    assert trail.attrs["event_selector"][0]["data_resource"][0]["type"] == "AWS::S3::Object"
    assert trail.attrs["is_multi_region_trail"] is True


def test_inputs_fill_missing_outputs(fixtures: Path) -> None:
    pab = load_export(fixtures / "pulumi_export.json", base_dir=fixtures).by_address()[
        "aws_s3_bucket_public_access_block.media"
    ]
    assert pab.attrs["restrict_public_buckets"] is False
    assert pab.attrs["block_public_acls"] is True
    assert pab.attrs["id"] == "shop-media-1a2b"


def test_secrets_are_sensitive_and_never_shown(fixtures: Path) -> None:
    inv = load_export(fixtures / "pulumi_export.json", base_dir=fixtures)
    db = inv.by_address()["aws_db_instance.db"]
    assert db.attrs["password"] is Sensitive
    assert db.attrs["master_user_secret"][0]["secret_arn"] is Sensitive
    assert db.attrs["storage_encrypted"] is False
    assert db.attrs["multi_az"] is True
    assert db.attrs["iam_database_authentication_enabled"] is False
    assert "password" in db.sensitive_paths
    dumped = repr(inv)
    for secret in SECRETS:
        assert secret not in dumped


def test_sources_are_lines_in_the_export(fixtures: Path) -> None:
    lines = (fixtures / "pulumi_export.json").read_text().splitlines()
    inv = load_export(fixtures / "pulumi_export.json", base_dir=fixtures)
    for res in inv.resources:
        assert res.source is not None and res.source.path == "pulumi_export.json"
        assert lines[res.source.start_line - 1].lstrip().startswith('{"urn"')
        assert f'::{res.name}"' in lines[res.source.start_line - 1]


def _backend(root: Path, fixtures: Path, stacks: dict[str, str], gz: bool = False) -> None:
    doc = json.loads((fixtures / "pulumi_export.json").read_text())
    for rel, name in stacks.items():
        target = root / ".pulumi" / "stacks" / f"{rel}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        checkpoint = {"version": 3, "checkpoint": {"stack": name, "latest": doc["deployment"]}}
        text = json.dumps(checkpoint, indent=4)
        if gz:
            target.with_name(target.name + ".gz").write_bytes(gzip.compress(text.encode()))
        else:
            target.write_text(text)


def test_file_backend_single_stack(tmp_path: Path, fixtures: Path) -> None:
    _backend(tmp_path, fixtures, {"shop/prod": "organization/shop/prod"})
    inv = load_file_backend(tmp_path, base_dir=tmp_path)
    assert len(inv.managed()) == 6
    assert inv.inputs == (".pulumi/stacks/shop/prod.json", "pulumi-stack:organization/shop/prod")
    db = inv.by_address()["aws_db_instance.db"]
    lines = (tmp_path / ".pulumi/stacks/shop/prod.json").read_text().splitlines()
    assert db.source is not None and '::db"' in lines[db.source.start_line]


def test_file_backend_chooses_the_stack(tmp_path: Path, fixtures: Path) -> None:
    _backend(tmp_path, fixtures, {"shop/prod": "organization/shop/prod", "shop/dev": "organization/shop/dev"})
    with pytest.raises(SourceError) as err:
        load_file_backend(tmp_path, base_dir=tmp_path)
    assert "several Pulumi stacks; choose one with --stack: shop/dev, shop/prod" in str(err.value)
    assert (
        load_file_backend(tmp_path, base_dir=tmp_path, stack="dev").inputs[1]
        == "pulumi-stack:organization/shop/dev"
    )
    assert (
        load_file_backend(tmp_path, base_dir=tmp_path, stack="organization/shop/prod")
        .inputs[0]
        .endswith("prod.json")
    )
    with pytest.raises(SourceError, match="no Pulumi stack 'qa'; available: shop/dev, shop/prod"):
        load_file_backend(tmp_path, base_dir=tmp_path, stack="qa")


def test_file_backend_gzip_and_legacy_layout(tmp_path: Path, fixtures: Path) -> None:
    _backend(tmp_path, fixtures, {"prod": "prod"}, gz=True)
    inv = load_file_backend(tmp_path, base_dir=tmp_path)
    assert inv.inputs == (".pulumi/stacks/prod.json.gz", "pulumi-stack:prod")


def test_empty_backend(tmp_path: Path) -> None:
    (tmp_path / ".pulumi" / "stacks").mkdir(parents=True)
    with pytest.raises(SourceError, match="no Pulumi stacks found"):
        load_file_backend(tmp_path, base_dir=tmp_path)


def test_unsupported_deployment_version(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text('{"version": 9, "deployment": {"resources": []}}')
    with pytest.raises(SourceError, match="unsupported Pulumi deployment version 9"):
        load_export(path, base_dir=tmp_path)


# --- type and property mapping ------------------------------------------------------------------

# Every type the policies and the drift readers use, with its Pulumi token (pulumi-aws 6.x names).
PULUMI_TOKENS = {
    "aws:ec2transitgateway/transitGateway:TransitGateway": "aws_ec2_transit_gateway",
    "aws:ec2clientvpn/endpoint:Endpoint": "aws_ec2_client_vpn_endpoint",
    "aws:appsync/graphQLApi:GraphQLApi": "aws_appsync_graphql_api",
    "aws:elb/loadBalancerPolicy:LoadBalancerPolicy": "aws_load_balancer_policy",
    "aws:s3/bucket:Bucket": "aws_s3_bucket",
    "aws:s3/bucketV2:BucketV2": "aws_s3_bucket",
    "aws:s3/bucketVersioningV2:BucketVersioningV2": "aws_s3_bucket_versioning",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": "aws_s3_bucket_server_side_encryption_configuration",  # noqa: E501
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": "aws_s3_bucket_public_access_block",
    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock": "aws_s3_account_public_access_block",
    "aws:s3/bucketPolicy:BucketPolicy": "aws_s3_bucket_policy",
    "aws:s3/bucketLoggingV2:BucketLoggingV2": "aws_s3_bucket_logging",
    "aws:s3/bucketAclV2:BucketAclV2": "aws_s3_bucket_acl",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": "aws_s3_bucket_ownership_controls",
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2": "aws_s3_bucket_lifecycle_configuration",  # noqa: E501
    "aws:s3/bucketObjectv2:BucketObjectv2": "aws_s3_object",
    "aws:ec2/securityGroup:SecurityGroup": "aws_security_group",
    "aws:ec2/securityGroupRule:SecurityGroupRule": "aws_security_group_rule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "aws_vpc_security_group_ingress_rule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "aws_vpc_security_group_egress_rule",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "aws_default_security_group",
    "aws:ec2/vpc:Vpc": "aws_vpc",
    "aws:ec2/subnet:Subnet": "aws_subnet",
    "aws:ec2/flowLog:FlowLog": "aws_flow_log",
    "aws:ec2/instance:Instance": "aws_instance",
    "aws:ec2/launchTemplate:LaunchTemplate": "aws_launch_template",
    "aws:ec2/networkAcl:NetworkAcl": "aws_network_acl",
    "aws:ec2/eip:Eip": "aws_eip",
    "aws:ec2/serialConsoleAccess:SerialConsoleAccess": "aws_ec2_serial_console_access",
    "aws:ebs/volume:Volume": "aws_ebs_volume",
    "aws:ebs/encryptionByDefault:EncryptionByDefault": "aws_ebs_encryption_by_default",
    "aws:ebs/snapshot:Snapshot": "aws_ebs_snapshot",
    "aws:rds/instance:Instance": "aws_db_instance",
    "aws:rds/cluster:Cluster": "aws_rds_cluster",
    "aws:rds/subnetGroup:SubnetGroup": "aws_db_subnet_group",
    "aws:rds/snapshot:Snapshot": "aws_db_snapshot",
    "aws:iam/role:Role": "aws_iam_role",
    "aws:iam/policy:Policy": "aws_iam_policy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "aws_iam_role_policy_attachment",
    "aws:iam/rolePolicy:RolePolicy": "aws_iam_role_policy",
    "aws:iam/user:User": "aws_iam_user",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": "aws_iam_user_policy_attachment",
    "aws:iam/accessKey:AccessKey": "aws_iam_access_key",
    "aws:iam/accountPasswordPolicy:AccountPasswordPolicy": "aws_iam_account_password_policy",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": "aws_iam_openid_connect_provider",
    "aws:lambda/function:Function": "aws_lambda_function",
    "aws:lambda/permission:Permission": "aws_lambda_permission",
    "aws:kms/key:Key": "aws_kms_key",
    "aws:kms/alias:Alias": "aws_kms_alias",
    "aws:cloudtrail/trail:Trail": "aws_cloudtrail",
    "aws:dynamodb/table:Table": "aws_dynamodb_table",
    "aws:sqs/queue:Queue": "aws_sqs_queue",
    "aws:sqs/queuePolicy:QueuePolicy": "aws_sqs_queue_policy",
    "aws:sns/topic:Topic": "aws_sns_topic",
    "aws:sns/topicPolicy:TopicPolicy": "aws_sns_topic_policy",
    "aws:eks/cluster:Cluster": "aws_eks_cluster",
    "aws:ecr/repository:Repository": "aws_ecr_repository",
    "aws:cloudwatch/logGroup:LogGroup": "aws_cloudwatch_log_group",
    "aws:lb/loadBalancer:LoadBalancer": "aws_lb",
    "aws:lb/listener:Listener": "aws_lb_listener",
    "aws:lb/targetGroup:TargetGroup": "aws_lb_target_group",
    "aws:alb/loadBalancer:LoadBalancer": "aws_alb",
    "aws:elb/loadBalancer:LoadBalancer": "aws_elb",
    "aws:secretsmanager/secret:Secret": "aws_secretsmanager_secret",
    "aws:secretsmanager/secretRotation:SecretRotation": "aws_secretsmanager_secret_rotation",
    "aws:ssm/parameter:Parameter": "aws_ssm_parameter",
    "aws:apigateway/restApi:RestApi": "aws_api_gateway_rest_api",
    "aws:apigateway/stage:Stage": "aws_api_gateway_stage",
    "aws:cfg/recorder:Recorder": "aws_config_configuration_recorder",
    "aws:guardduty/detector:Detector": "aws_guardduty_detector",
    "aws:cloudfront/distribution:Distribution": "aws_cloudfront_distribution",
    "aws:efs/fileSystem:FileSystem": "aws_efs_file_system",
    "aws:elasticache/replicationGroup:ReplicationGroup": "aws_elasticache_replication_group",
    "aws:opensearch/domain:Domain": "aws_opensearch_domain",
    "aws:ecs/taskDefinition:TaskDefinition": "aws_ecs_task_definition",
    "aws:ec2/amiLaunchPermission:AmiLaunchPermission": "aws_ami_launch_permission",
    "aws:rds/clusterSnapshot:ClusterSnapshot": "aws_db_cluster_snapshot",
    "aws:rds/snapshotCopy:SnapshotCopy": "aws_db_snapshot_copy",
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": "aws_default_network_acl",
    "aws:ec2/defaultSubnet:DefaultSubnet": "aws_default_subnet",
    "aws:docdb/cluster:Cluster": "aws_docdb_cluster",
    "aws:ebs/snapshotCopy:SnapshotCopy": "aws_ebs_snapshot_copy",
    "aws:ebs/snapshotImport:SnapshotImport": "aws_ebs_snapshot_import",
    "aws:elasticache/cluster:Cluster": "aws_elasticache_cluster",
    "aws:elasticsearch/domain:Domain": "aws_elasticsearch_domain",
    "aws:iam/groupPolicy:GroupPolicy": "aws_iam_group_policy",
    "aws:iam/policyAttachment:PolicyAttachment": "aws_iam_policy_attachment",
    "aws:iam/userPolicy:UserPolicy": "aws_iam_user_policy",
    "aws:kms/keyPolicy:KeyPolicy": "aws_kms_key_policy",
    "aws:ec2/launchConfiguration:LaunchConfiguration": "aws_launch_configuration",
    "aws:mq/broker:Broker": "aws_mq_broker",
    "aws:msk/cluster:Cluster": "aws_msk_cluster",
    "aws:ec2/networkAclRule:NetworkAclRule": "aws_network_acl_rule",
    "aws:rds/clusterInstance:ClusterInstance": "aws_rds_cluster_instance",
    "aws:sagemaker/notebookInstance:NotebookInstance": "aws_sagemaker_notebook_instance",
    "aws:securityhub/account:Account": "aws_securityhub_account",
    "aws:waf/webAcl:WebAcl": "aws_waf_web_acl",
    "aws:wafregional/webAcl:WebAcl": "aws_wafregional_web_acl",
    "aws:wafv2/webAcl:WebAcl": "aws_wafv2_web_acl",
    "aws:ec2/volumeAttachment:VolumeAttachment": "aws_volume_attachment",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "aws_vpc_endpoint",
    "aws:ec2/routeTable:RouteTable": "aws_route_table",
    "aws:ec2/internetGateway:InternetGateway": "aws_internet_gateway",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "aws_route_table_association",
    "aws:iam/instanceProfile:InstanceProfile": "aws_iam_instance_profile",
    "aws:lb/targetGroupAttachment:TargetGroupAttachment": "aws_lb_target_group_attachment",
    "aws:alb/listener:Listener": "aws_alb_listener",
    "aws:apigateway/domainName:DomainName": "aws_api_gateway_domain_name",
    "aws:apigateway/method:Method": "aws_api_gateway_method",
    "aws:apigateway/methodSettings:MethodSettings": "aws_api_gateway_method_settings",
    "aws:apigatewayv2/domainName:DomainName": "aws_apigatewayv2_domain_name",
    "aws:apigatewayv2/stage:Stage": "aws_apigatewayv2_stage",
    "aws:dax/cluster:Cluster": "aws_dax_cluster",
    "aws:elasticsearch/domainPolicy:DomainPolicy": "aws_elasticsearch_domain_policy",
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": "aws_kinesis_firehose_delivery_stream",
    "aws:kinesis/stream:Stream": "aws_kinesis_stream",
    "aws:lambda/functionUrl:FunctionUrl": "aws_lambda_function_url",
    "aws:neptune/cluster:Cluster": "aws_neptune_cluster",
    "aws:opensearch/domainPolicy:DomainPolicy": "aws_opensearch_domain_policy",
    "aws:redshift/cluster:Cluster": "aws_redshift_cluster",
}


@pytest.mark.parametrize(("token", "expected"), sorted(PULUMI_TOKENS.items()))
def test_type_tokens(token: str, expected: str) -> None:
    assert terraform_type(token) == expected


def _policy_types(repo: Path) -> set[str]:
    import yaml

    wanted: set[str] = set()
    for path in sorted((repo / "policies" / "aws").rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text())
        if isinstance(doc, dict):
            wanted.update(t for t in doc.get("resource_types") or [] if isinstance(t, str))
    return wanted


def _naive_token(tf_type: str) -> str:
    """``aws_kinesis_stream`` → ``aws:kinesis/stream:Stream`` (right for most types, not all)."""
    _, module, *rest = tf_type.split("_")
    pascal = "".join(p.title() for p in rest)
    return f"aws:{module}/{pascal[:1].lower()}{pascal[1:]}:{pascal}"


def test_policy_resource_types_map_from_pulumi(repo: Path) -> None:
    """Every type a policy is written for is reachable from a Pulumi token.

    Types checked by hand against pulumi-aws are listed in PULUMI_TOKENS; a type added by a new
    policy must at least map from the regularly formed token, so the generic rule covers it.
    """
    reachable = set(PULUMI_TOKENS.values())
    missing = sorted(
        t
        for t in _policy_types(repo) - reachable
        if t.count("_") >= 2 and terraform_type(_naive_token(t)) != t
    )
    assert not missing, f"add these types' Pulumi tokens to pulumi_types.TYPE_EXCEPTIONS: {missing}"


def test_issue_types_are_checked_by_hand() -> None:
    """The types the drift readers and the webapp stack use have a hand-checked token."""
    wanted = {
        "aws_s3_bucket", "aws_s3_bucket_versioning", "aws_s3_bucket_server_side_encryption_configuration",
        "aws_s3_bucket_public_access_block", "aws_s3_bucket_policy", "aws_s3_bucket_logging",
        "aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule", "aws_vpc", "aws_subnet", "aws_instance", "aws_ebs_volume",
        "aws_db_instance", "aws_iam_role", "aws_iam_policy", "aws_iam_role_policy_attachment", "aws_iam_user",
        "aws_lambda_function", "aws_kms_key", "aws_cloudtrail", "aws_dynamodb_table", "aws_sqs_queue",
        "aws_sns_topic", "aws_eks_cluster", "aws_ecr_repository", "aws_cloudwatch_log_group", "aws_lb",
        "aws_lb_listener", "aws_lb_target_group", "aws_lb_target_group_attachment", "aws_kms_alias",
        "aws_iam_instance_profile", "aws_db_subnet_group", "aws_internet_gateway", "aws_route_table",
        "aws_route_table_association",
    }  # fmt: skip
    assert wanted <= set(PULUMI_TOKENS.values())


def test_non_aws_tokens_are_not_mapped() -> None:
    assert terraform_type("random:index/randomPassword:RandomPassword") is None
    assert terraform_type("kubernetes:core/v1:Pod") is None


def test_snake_case() -> None:
    assert snake_case("serverSideEncryptionConfiguration") == "server_side_encryption_configuration"
    assert snake_case("ipv6CidrBlocks") == "ipv6_cidr_blocks"
    assert snake_case("iamDatabaseAuthenticationEnabled") == "iam_database_authentication_enabled"
    assert snake_case("arn") == "arn"


def test_convert_properties_blocks_maps_and_plurals() -> None:
    out = convert_properties(
        {
            "rootBlockDevice": {"encrypted": True, "volumeSize": 20},
            "metadataOptions": {"httpTokens": "required"},
            "ebsBlockDevices": [{"deviceName": "/dev/sdb", "encrypted": False}],
            "tags": {"Name": "x", "owner": "me"},
            "vpcSecurityGroupIds": ["sg-1"],
            "environment": {"variables": {"API_URL": "https://x", "debug": "1"}},
            "actions": ["s3:GetObject"],
        },
        "aws_instance",
    )
    assert out == {
        "actions": ["s3:GetObject"],
        "ebs_block_device": [{"device_name": "/dev/sdb", "encrypted": False}],
        "environment": [{"variables": {"API_URL": "https://x", "debug": "1"}}],
        "metadata_options": [{"http_tokens": "required"}],
        "root_block_device": [{"encrypted": True, "volume_size": 20}],
        "tags": {"Name": "x", "owner": "me"},
        "vpc_security_group_ids": ["sg-1"],
    }


def test_webapp_export_matches_the_terraform_state(repo: Path) -> None:
    """The Pulumi example describes the same system as the Terraform one: same ids, same values."""
    pulumi = load_export(repo / "stacks/pulumi/webapp/stack-export.json", base_dir=repo)
    state = load_state(repo / "stacks/terraform/webapp/terraform.tfstate", base_dir=repo)
    by_id = {(r.type, r.cloud_id): r for r in state.managed()}
    assert len(pulumi.resources) == len(by_id) == 35
    checked = 0
    for res in pulumi.resources:
        twin = by_id[(res.type, res.cloud_id)]
        for key, value in res.attrs.items():
            if key in ("tags_all",) or twin.attrs.get(key) in ([], None):
                continue
            if value is Sensitive:
                assert twin.attrs[key] is Sensitive
                continue
            if twin.attrs.get(key) == [{}] or not isinstance(value, (str, bool, int)):
                continue
            assert twin.attrs[key] == value, (res.address, key)
            checked += 1
    assert checked > 300
    assert pulumi.by_address()["aws_db_instance.main"].attrs["password"] is Sensitive
    text = (repo / "stacks/pulumi/webapp/stack-export.json").read_text()
    assert "1b47061264138c4ac30d75fd1eb44270" in text  # the example does carry a secret


def test_copy_of_the_example_reads_the_same(tmp_path: Path, repo: Path) -> None:
    shutil.copy(repo / "stacks/pulumi/webapp/stack-export.json", tmp_path / "export.json")
    inv = load_export(tmp_path / "export.json", base_dir=tmp_path)
    assert inv.inputs == ("export.json", "pulumi-stack:webapp/dev")
