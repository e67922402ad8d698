"""Project configuration: ``.iacscan.yaml`` or ``[tool.iacscan]`` in ``pyproject.toml``.

The file is looked for from a start directory upward, stopping at the git root (the first directory
holding ``.git``). It is validated against ``config_schema.json``; an error names the file and the key.
Paths in the file are relative to the directory holding it. CLI flags override what it says.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from scanner.errors import ConfigError
from scanner.model import Finding, Notification, ScanResult, Status

if TYPE_CHECKING:
    pass  # imported where used: it costs 0.2 s of start-up

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = (".iacscan.yaml", ".iacscan.yml")


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps 2026-01-31 as text, so a bad date is reported by its key, not by YAML."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class SkipRule:
    """A policy skipped on purpose, with the reason, until an optional expiry date (inclusive)."""

    id: str
    reason: str
    expires: date | None = None
    root: str | None = None  # only in this root (folder relative to the base dir, or input file)
    resource: str | None = None  # only for this address (with ``root``: identity is (root, address))

    def active(self, today: date) -> bool:
        return self.expires is None or today <= self.expires

    def covers(self, finding: Finding) -> bool:
        return (self.root is None or self.root == finding.root) and (
            self.resource is None or self.resource == finding.resource_address
        )


@dataclass(frozen=True, slots=True)
class Config:
    path: Path | None = None
    fail_on: str | None = None
    soft_fail: bool | None = None
    framework: str | None = None
    base_dir: Path | None = None
    baseline: Path | None = None
    policy_dirs: tuple[Path, ...] = ()
    var_files: tuple[Path, ...] = ()
    skip: tuple[SkipRule, ...] = ()
    drift_ignore: tuple[str, ...] = ()
    drift_strict: bool | None = None
    run_pulumi_programs: bool | None = None
    download_external_modules: bool | None = None
    module_cache: Path | None = None
    exclude: tuple[str, ...] = ()  # folders left out of the walk (gitignore syntax, like --skip-path)


@cache
def _schema() -> dict[str, Any]:
    text = resources.files("scanner").joinpath("config_schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def find_config(start: Path) -> Path | None:
    """The nearest .iacscan.yaml, or pyproject.toml with [tool.iacscan], from START up to the git root."""
    directory = start.resolve()
    for candidate in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
        if (candidate / ".git").exists():
            return None
    return None


def _has_tool_section(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "iacscan" in data["tool"]


def _read_raw(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
        return data.get("tool", {}).get("iacscan", {})
    try:
        loaded = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}{where}: {problem}") from exc
    return {} if loaded is None else loaded


def _plain(value: Any) -> Any:
    """YAML and TOML turn 2026-01-31 into a date; the schema and the rest of the code want text."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _key_path(parts: Any) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def validate(data: Any, path: Path) -> None:
    import jsonschema

    validator = jsonschema.Draft7Validator(_schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        raise ConfigError(f"{path}: {_key_path(error.absolute_path)}: {error.message}")


def load_config(path: Path) -> Config:
    """Read and validate one configuration file. Raises ConfigError naming the file and the key."""
    data = _plain(_read_raw(path))
    validate(data, path)
    root = path.resolve().parent
    skips = []
    for n, item in enumerate(data.get("skip", [])):
        expires = None
        if "expires" in item:
            try:
                expires = date.fromisoformat(item["expires"])
            except ValueError:
                raise ConfigError(f"{path}: skip[{n}].expires: {item['expires']!r} is not a date") from None
        skips.append(SkipRule(item["id"], item["reason"], expires, item.get("root"), item.get("resource")))
    drift = data.get("drift", {})
    return Config(
        path=path,
        fail_on=data.get("fail-on"),
        soft_fail=data.get("soft-fail"),
        framework=data.get("framework"),
        base_dir=root / data["base-dir"] if "base-dir" in data else None,
        baseline=root / data["baseline"] if "baseline" in data else None,
        policy_dirs=tuple(root / p for p in data.get("policy-dirs", [])),
        var_files=tuple(root / p for p in data.get("var-files", [])),
        skip=tuple(skips),
        drift_ignore=tuple(drift.get("ignore", [])),
        drift_strict=drift.get("strict"),
        run_pulumi_programs=data.get("run-pulumi-programs", data.get("run_pulumi_programs")),
        download_external_modules=data.get(
            "download-external-modules", data.get("download_external_modules")
        ),
        module_cache=root / data["module-cache"] if "module-cache" in data else None,
        exclude=tuple(data.get("exclude", [])),
    )


def project_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    """The configuration given with --config, else the one found from START (the cwd), else defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
        return load_config(explicit)
    found = find_config(start or Path.cwd())
    return load_config(found) if found is not None else Config()


def apply_skips(result: ScanResult, config: Config, today: date | None = None) -> ScanResult:
    """Configured skips: failures of a skipped policy become suppressed (kind external, source config).

    A skip past its expiry date does nothing and the report says so with a warning notification.
    """
    if not config.skip:
        return result
    today = today or date.today()
    alias = {a: r.id for r in result.rules for a in r.aliases}
    reasons: dict[str, list[SkipRule]] = {}
    notes = list(result.notifications)
    where = config.path.name if config.path else "configuration"
    for rule in config.skip:
        rule_id = alias.get(rule.id, rule.id)
        if rule.active(today):
            reasons.setdefault(rule_id, []).append(rule)
        else:
            notes.append(
                Notification(
                    "warning",
                    f"{where}: the skip of {rule.id} expired on {rule.expires}; the policy applies again",
                    kind="config",
                )
            )
    findings = tuple(_suppress(f, reasons) for f in result.findings)
    return replace(result, findings=findings, notifications=tuple(notes))


def _suppress(finding: Finding, reasons: dict[str, list[SkipRule]]) -> Finding:
    if finding.is_drift or finding.status is not Status.FAIL:
        return finding
    for rule in reasons.get(finding.rule_id, ()):
        if rule.covers(finding):
            return finding.suppressed("external", rule.reason, "config")
    return finding
