"""The shipped end-of-life data files, their schema, and the local override file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from scanner.errors import PolicyError
from scanner.policy.eol import assess, eol_data_age
from scanner.policy.eol_data import (
    DATA_DIRNAME,
    OVERRIDE_ENV,
    _read_yaml,
    eol_data,
    load_eol_data,
    validate_product_doc,
    version_tokens,
)
from scanner.policy.loader import builtin_policy_root

EOL_DIR = builtin_policy_root() / DATA_DIRNAME
FILES = sorted(EOL_DIR.glob("*.yaml"))
REQUIRED = {
    "aws-lambda",
    "eks",
    "rds-mysql",
    "rds-postgresql",
    "rds-mariadb",
    "aurora-mysql",
    "aurora-postgresql",
    "elasticache-redis",
    "elasticache-valkey",
    "elasticache-memcached",
    "opensearch",
    "msk-kafka",
    "mq-activemq",
    "mq-rabbitmq",
    "documentdb",
}


def test_every_required_product_is_shipped() -> None:
    assert {p.stem for p in FILES} >= REQUIRED


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_data_file_validates_and_every_entry_has_a_source(path: Path) -> None:
    doc = validate_product_doc(_read_yaml(path), path)
    assert all(url.startswith("https://docs.aws.amazon.com/") for url in doc["source"])
    date.fromisoformat(doc["last_checked"])
    kinds = {p["date"] for p in doc["phases"]}
    for cycle in doc["cycles"]:
        assert cycle["source"].startswith("https://"), f"{path.name}: {cycle['cycle']} has no source URL"
        assert set(cycle.get("dates", {})) <= kinds, f"{path.name}: {cycle['cycle']} has a date of no phase"
        dates = [
            date.fromisoformat(cycle["dates"][p["date"]])
            for p in doc["phases"]
            if p["date"] in cycle.get("dates", {})
        ]
        assert dates == sorted(dates), f"{path.name}: {cycle['cycle']}: phase dates out of order"


def test_every_product_has_a_dated_cycle_or_says_why() -> None:
    for product in eol_data().products.values():
        assert product.cycles
        assert any(c.dates for c in product.cycles) or product.family in ("elasticache",), product.name


def test_schema_rejects_bad_data(tmp_path: Path) -> None:
    bad = tmp_path / "eks.yaml"
    doc = yaml.safe_load((EOL_DIR / "eks.yaml").read_text())
    doc["cycles"][0]["dates"]["end_of_everything"] = "2030-01-01"
    bad.write_text(yaml.safe_dump(doc))
    with pytest.raises(PolicyError, match=r"eks\.yaml: \$\.cycles\[0\]\.dates"):
        load_eol_data(tmp_path)
    doc = yaml.safe_load((EOL_DIR / "eks.yaml").read_text())
    doc["cycles"][1]["source"] = "http://example.com"
    bad.write_text(yaml.safe_dump(doc))
    with pytest.raises(PolicyError, match=r"\$\.cycles\[1\]\.source"):
        load_eol_data(tmp_path)
    bad.write_text("product: [unclosed\n")
    with pytest.raises(PolicyError, match=r"eks\.yaml:\d+: invalid YAML"):
        load_eol_data(tmp_path)


def test_file_name_must_match_product(tmp_path: Path) -> None:
    (tmp_path / "kubernetes.yaml").write_text((EOL_DIR / "eks.yaml").read_text())
    with pytest.raises(PolicyError, match="does not match the file name"):
        load_eol_data(tmp_path)


def test_version_tokens_and_longest_cycle_match() -> None:
    assert version_tokens("8.0.mysql_aurora.3.05.2") == ("8", "0", "mysql", "aurora", "3", "05", "2")
    data = eol_data()
    assert data.products["rds-mariadb"].find("10.11.6").name == "10.11"  # type: ignore[union-attr]
    assert data.products["rds-mariadb"].find("10.1.48") is None
    assert data.products["opensearch"].find("OpenSearch_2.11").name == "OpenSearch_2.11"  # type: ignore[union-attr]
    assert data.for_engine("rds", "Aurora-PostgreSQL").name == "aurora-postgresql"  # type: ignore[union-attr]
    assert data.for_engine("rds", "oracle-ee") is None


def _override(path: Path, products: object) -> Path:
    path.write_text(yaml.safe_dump({"generated": "2027-06-01", "products": products}))
    return path


def test_override_adds_cycles_and_replaces_dates(tmp_path: Path) -> None:
    override = _override(
        tmp_path / "o.yaml",
        {
            "eks": {
                "last_checked": "2027-06-01",
                "cycles": [
                    {
                        "cycle": "1.36",
                        "dates": {"end_of_standard_support": "2027-07-28"},
                        "source": "https://x.test/a",
                    },
                    {"cycle": "1.35", "dates": {"end_of_standard_support": "2027-04-30"}},
                ],
            }
        },
    )
    data = load_eol_data(EOL_DIR, override)
    eks = data.products["eks"]
    assert data.warnings == ()
    assert eks.last_checked == date(2027, 6, 1)
    assert eks.find("1.36") is not None
    assert eks.find("1.35").dates["end_of_standard_support"] == date(2027, 4, 30)  # type: ignore[union-attr]
    assert eks.find("1.35").dates["end_of_extended_support"] == date(2028, 3, 27)  # type: ignore[union-attr]
    assert assess(eks, "1.36", date(2027, 6, 1), 90).severity == "medium"
    assert eol_data_age(date(2027, 6, 11), data)["eks"] == 10
    assert eol_data_age(date(2027, 6, 11), data)["aws-lambda"] == 196


def test_broken_override_is_a_warning_and_shipped_data_stays(tmp_path: Path) -> None:
    override = _override(
        tmp_path / "o.yaml",
        {
            "kubernetes": {"cycles": []},
            "eks": {"cycles": [{"cycle": "1.40", "dates": {"end_of_standard_support": "soon"}}]},
            "rds-mysql": {"cycles": ["8.0"]},
        },
    )
    data = load_eol_data(EOL_DIR, override)
    text = "\n".join(data.warnings)
    assert "$.products.kubernetes: unknown product" in text
    assert "$.products.eks:" in text and "ignored" in text
    assert "$.products.rds-mysql.cycles[0]: needs a 'cycle'" in text
    assert data.products["eks"].find("1.40") is None
    (tmp_path / "bad.yaml").write_text("products: [\n")
    assert "invalid YAML" in load_eol_data(EOL_DIR, tmp_path / "bad.yaml").warnings[0]
    (tmp_path / "list.yaml").write_text("- 1\n")
    assert "expected a mapping" in load_eol_data(EOL_DIR, tmp_path / "list.yaml").warnings[0]


def test_override_found_by_env_or_in_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(OVERRIDE_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert eol_data().override == ""
    local = tmp_path / ".iacscan"
    local.mkdir()
    _override(
        local / "eol-overrides.yaml", {"eks": {"cycles": [{"cycle": "1.36", "source": "https://x.test/a"}]}}
    )
    assert eol_data().products["eks"].find("1.36") is not None
    other = _override(
        tmp_path / "elsewhere.yaml", {"eks": {"cycles": [{"cycle": "1.37", "source": "https://x.test/b"}]}}
    )
    monkeypatch.setenv(OVERRIDE_ENV, str(other))
    data = eol_data()
    assert data.override == str(other)
    assert data.products["eks"].find("1.37") is not None and data.products["eks"].find("1.36") is None


def test_missing_override_named_by_env_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(OVERRIDE_ENV, str(tmp_path / "absent.yaml"))
    data = eol_data()
    assert data.override == ""
    assert any("absent.yaml: end-of-life override file not found" in w for w in data.warnings)
    assert data.products["eks"].find("1.35") is not None
