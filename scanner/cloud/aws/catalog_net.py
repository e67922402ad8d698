"""Catalog entries for networking and edge services: EC2 routing, ELBv2 listeners and target groups,
Route 53, CloudFront, ACM, WAFv2 and API Gateway (REST and v2)."""

from __future__ import annotations

from scanner.cloud.aws.catalog_types import GLOBAL, ExtraCall, Listing, Parent

ACM_KEY_TYPES = (
    "RSA_1024",
    "RSA_2048",
    "RSA_3072",
    "RSA_4096",
    "EC_prime256v1",
    "EC_secp384r1",
    "EC_secp521r1",
)
_APIS = Parent("get_apis", "Items", {"ApiId": "ApiId"})


def _elb_tags(arn_field: str) -> ExtraCall:
    return ExtraCall(
        "tags",
        "describe_tags",
        {"ResourceArns": arn_field},
        "TagDescriptions[0].Tags",
        as_list=("ResourceArns",),
    )


NET_LISTINGS: tuple[Listing, ...] = (
    Listing(
        "route_tables",
        "ec2",
        "describe_route_tables",
        "RouteTables",
        "RouteTableId",
        ("aws_route_table", "aws_route_table_association"),
        "route_table",
        page_size=100,
    ),
    Listing(
        "internet_gateways",
        "ec2",
        "describe_internet_gateways",
        "InternetGateways",
        "InternetGatewayId",
        ("aws_internet_gateway",),
        "internet_gateway",
        page_size=1000,
    ),
    Listing(
        "nat_gateways",
        "ec2",
        "describe_nat_gateways",
        "NatGateways",
        "NatGatewayId",
        ("aws_nat_gateway",),
        "nat_gateway",
        page_size=1000,
    ),
    Listing(
        "eips", "ec2", "describe_addresses", "Addresses", "AllocationId", ("aws_eip",), "eip", paginated=False
    ),
    Listing(
        "launch_templates",
        "ec2",
        "describe_launch_templates",
        "LaunchTemplates",
        "LaunchTemplateId",
        ("aws_launch_template",),
        "launch_template",
        page_size=200,
        extras=(
            ExtraCall(
                "version",
                "describe_launch_template_versions",
                {"LaunchTemplateId": "LaunchTemplateId"},
                "LaunchTemplateVersions",
                static={"Versions": ["$Latest"]},
                required=True,
            ),
        ),
    ),
    Listing(
        "lb_listeners",
        "elbv2",
        "describe_listeners",
        "Listeners",
        "Item.ListenerArn",
        ("aws_lb_listener",),
        "lb_listener",
        parent=Parent("describe_load_balancers", "LoadBalancers", {"LoadBalancerArn": "LoadBalancerArn"}),
        extras=(_elb_tags("Item.ListenerArn"),),
    ),
    Listing(
        "lb_target_groups",
        "elbv2",
        "describe_target_groups",
        "TargetGroups",
        "TargetGroupArn",
        ("aws_lb_target_group",),
        "lb_target_group",
        page_size=400,
        extras=(
            _elb_tags("TargetGroupArn"),
            ExtraCall(
                "attributes",
                "describe_target_group_attributes",
                {"TargetGroupArn": "TargetGroupArn"},
                "Attributes",
            ),
        ),
    ),
    Listing(
        "route53_zones",
        "route53",
        "list_hosted_zones",
        "HostedZones",
        "Id",
        ("aws_route53_zone",),
        "route53_zone",
        scope=GLOBAL,
        extras=(
            ExtraCall(
                "tags",
                "list_tags_for_resource",
                {"ResourceId": "basename(Id)"},
                "ResourceTagSet.Tags",
                static={"ResourceType": "hostedzone"},
            ),
        ),
    ),
    Listing(
        "route53_records",
        "route53",
        "list_resource_record_sets",
        "ResourceRecordSets",
        "Item.Name",
        ("aws_route53_record",),
        "route53_record",
        scope=GLOBAL,
        parent=Parent(
            "list_hosted_zones", "HostedZones", {"HostedZoneId": "Id"}, missing=("NoSuchHostedZone",)
        ),
    ),
    Listing(
        "cloudfront_distributions",
        "cloudfront",
        "list_distributions",
        "DistributionList.Items",
        "Id",
        ("aws_cloudfront_distribution",),
        "cloudfront_distribution",
        scope=GLOBAL,
        extras=(
            # The summary of ListDistributions lacks DefaultRootObject; the full config has it all.
            ExtraCall("config", "get_distribution_config", {"Id": "Id"}, "DistributionConfig", required=True),
            ExtraCall("tags", "list_tags_for_resource", {"Resource": "ARN"}, "Tags.Items"),
        ),
    ),
    Listing(
        "cloudfront_origin_access_controls",
        "cloudfront",
        "list_origin_access_controls",
        "OriginAccessControlList.Items",
        "Id",
        ("aws_cloudfront_origin_access_control",),
        "cloudfront_oac",
        scope=GLOBAL,
    ),
    Listing(
        "acm_certificates",
        "acm",
        "list_certificates",
        "CertificateSummaryList",
        "CertificateArn",
        ("aws_acm_certificate",),
        "acm_certificate",
        page_size=1000,
        params={"Includes": {"keyTypes": list(ACM_KEY_TYPES)}},
        extras=(
            ExtraCall(
                "certificate",
                "describe_certificate",
                {"CertificateArn": "CertificateArn"},
                "Certificate",
                required=True,
            ),
            ExtraCall("tags", "list_tags_for_certificate", {"CertificateArn": "CertificateArn"}, "Tags"),
        ),
    ),
    Listing(
        # ListWebACLs has no paginator; 100 is the API's largest page. CLOUDFRONT-scope ACLs live in
        # us-east-1 only and are not read.
        "wafv2_web_acls",
        "wafv2",
        "list_web_acls",
        "WebACLs",
        "Id",
        ("aws_wafv2_web_acl",),
        "wafv2_web_acl",
        paginated=False,
        params={"Scope": "REGIONAL", "Limit": 100},
        extras=(
            ExtraCall(
                "acl",
                "get_web_acl",
                {"Name": "Name", "Id": "Id"},
                "WebACL",
                static={"Scope": "REGIONAL"},
                required=True,
            ),
            ExtraCall("tags", "list_tags_for_resource", {"ResourceARN": "ARN"}, "TagInfoForResource.TagList"),
        ),
    ),
    Listing(
        "apigatewayv2_apis",
        "apigatewayv2",
        "get_apis",
        "Items",
        "ApiId",
        ("aws_apigatewayv2_api",),
        "apigatewayv2_api",
    ),
    Listing(
        "apigatewayv2_integrations",
        "apigatewayv2",
        "get_integrations",
        "Items",
        "Item.IntegrationId",
        ("aws_apigatewayv2_integration",),
        "apigatewayv2_integration",
        parent=_APIS,
    ),
    Listing(
        "apigatewayv2_routes",
        "apigatewayv2",
        "get_routes",
        "Items",
        "Item.RouteId",
        ("aws_apigatewayv2_route",),
        "apigatewayv2_route",
        parent=_APIS,
    ),
    Listing(
        "apigatewayv2_stages",
        "apigatewayv2",
        "get_stages",
        "Items",
        "Item.StageName",
        ("aws_apigatewayv2_stage",),
        "apigatewayv2_stage",
        parent=_APIS,
    ),
    Listing(
        "api_gateway_rest_apis",
        "apigateway",
        "get_rest_apis",
        "items",
        "id",
        ("aws_api_gateway_rest_api",),
        "api_gateway_rest_api",
        page_size=500,
    ),
)
