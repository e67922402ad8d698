"""Local and remote modules, count/for_each expansion, references through module outputs."""

from __future__ import annotations

from scanner.model import Mode, SourceRef, Unknown


def test_nested_modules_prefix_addresses_and_point_into_module_files(load):
    res = load("modules").by_address()
    inner = res["module.app.module.store.aws_s3_bucket.this"]
    assert inner.module == "module.app.module.store"
    assert inner.attrs["bucket"] == "shop-data"
    assert inner.source == SourceRef("modules/modules/app/modules/store/main.tf", 5, 7)
    assert inner.attr_sources["bucket"].path == "modules/modules/app/modules/store/main.tf"
    logging = res["module.app.aws_s3_bucket_logging.this"]
    assert logging.source is not None and logging.source.path == "modules/modules/app/main.tf"
    assert logging.attrs["target_prefix"] == "shop/"


def test_module_inputs_outputs_and_references_follow_to_the_resource(load):
    res = load("modules").by_address()
    logging = res["module.app.aws_s3_bucket_logging.this"]
    # var.logs_bucket is bound to aws_s3_bucket.logs.id in the caller: unknown value, caller's address
    assert logging.attrs["target_bucket"] is Unknown
    assert logging.references["target_bucket"] == ("aws_s3_bucket.logs",)
    assert logging.references["bucket"] == ("module.app.module.store.aws_s3_bucket.this",)
    policy = res["aws_s3_bucket_policy.app"]
    assert policy.attrs["bucket"] is Unknown
    assert policy.attrs["policy"] == "shop-data"  # a configured attribute read through two module outputs
    assert policy.references["bucket"] == ("module.app.module.store.aws_s3_bucket.this",)


def test_module_count_and_for_each_expand(load):
    res = load("modules").by_address()
    assert res["module.replica[1].module.store.aws_s3_bucket.this"].attrs["bucket"] == "replica-1-data"
    assert res["module.replica[0].aws_s3_bucket_logging.this"].attrs["target_bucket"] == "central-logs"
    east = res['module.regional["east"].aws_s3_bucket_logging.this']
    assert east.attrs["target_bucket"] == "no-logs"  # variable default
    assert east.module == 'module.regional["east"]'
    call = res['module.regional["west"]']
    assert call.mode is Mode.MODULE
    assert call.attrs["name"] == "regional-west"


def test_remote_module_from_manifest_and_missing_one_warns(load):
    inv = load("remote")
    res = inv.by_address()
    q = res["module.vendored.aws_sqs_queue.q"]
    assert q.attrs["name"] == "from-registry"
    # Located at the calling block (GitHub can't annotate .terraform), the module's own line kept inside.
    assert q.source == SourceRef(
        "remote/main.tf", 1, 5, inner=SourceRef("remote/.terraform/modules/vendored/main.tf", 3, 5)
    )
    assert q.attr_sources["name"].path == "remote/main.tf"
    assert q.attr_sources["name"].inner is not None
    warnings = [n for n in inv.notifications if n.kind == "module"]
    assert len(warnings) == 1
    assert warnings[0].level == "warning"
    assert "module.missing" in warnings[0].message
    assert "git::https://example.com/missing.git" in warnings[0].message


def test_module_cycle_is_reported_not_followed(load):
    inv = load("cycle")
    assert "module.loop.aws_sqs_queue.q" in inv.by_address()
    assert any("cycle" in n.message for n in inv.notifications)


def test_webapp_stack_loads_with_network_module():
    from pathlib import Path

    from scanner.sources.terraform_hcl import load_terraform_dir

    root = Path(__file__).parents[3]
    inv = load_terraform_dir(root / "stacks/terraform/webapp", base_dir=root)
    res = inv.by_address()
    assert not inv.notifications
    assert res["module.network.aws_subnet.private[1]"].attrs["cidr_block"] == "10.20.11.0/24"
    assert res["aws_db_instance.main"].attrs["storage_encrypted"] is False
    assert res["aws_instance.app"].attrs["instance_type"] == "t3.small"  # from terraform.tfvars
    assert res["aws_instance.app"].references["subnet_id"] == ("module.network.aws_subnet.private",)
    assert "metadata_options" not in res["aws_instance.app"].attrs
