"""Loading policy YAML files: schema validation first, so a mistake fails at load with file and path."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from scanner.errors import PolicyError
from scanner.model import Severity
from scanner.policy.docguard import check_document
from scanner.policy.evaluator import FUNCTIONS
from scanner.policy.model import Policy
from scanner.policy.operators import OPERATORS
from scanner.policy.paths import parse_path
from scanner.policy.schemas import schema_bytes, validator
from scanner.policy.validation_cache import ValidationCache, cache_file, digest
from scanner.yamlio import load_yaml

if TYPE_CHECKING:
    import jsonschema  # imported where used: it costs 0.2 s of start-up

BUILTIN_DIRNAME = "policies"


def builtin_policy_root() -> Path:
    """The shipped policy data: ``policies/`` beside the package in a checkout, else package data."""
    checkout = Path(__file__).resolve().parents[2] / BUILTIN_DIRNAME
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("scanner") / "_policies"))


def _schema_bytes() -> bytes:
    return schema_bytes("schema.json")


def _validator() -> jsonschema.protocols.Validator:
    return validator("schema.json")


def _json_path(path: Iterable[Any]) -> str:
    out = "$"
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else f".{step}"
    return out


def _best_error(doc: Any) -> jsonschema.ValidationError | None:
    import jsonschema

    validator = _validator()
    if validator.is_valid(doc):
        return None
    error: jsonschema.ValidationError | None = jsonschema.exceptions.best_match(validator.iter_errors(doc))
    return error


# Operators whose value is a regular expression (compiled when the policy loads, not when it first runs).
REGEX_OPERATORS = frozenset({"regex", "not_regex", "key_regex", "not_key_regex"})


def _check_semantics(doc: Mapping[str, Any], where: str) -> None:
    """What the schema can't say: operator and function names exist, regexes compile, paths parse."""

    def walk(node: Any, path: str) -> None:
        if isinstance(node, Mapping):
            if "op" in node and node["op"] not in OPERATORS:
                raise PolicyError(f"{where}: {path}.op: unknown operator {node['op']!r}")
            if node.get("op") in REGEX_OPERATORS:
                try:
                    re.compile(str(node.get("value")))
                except re.error as exc:
                    raise PolicyError(
                        f"{where}: {path}.value: invalid regular expression {node.get('value')!r}: {exc}"
                    ) from exc
            if isinstance(node.get("fn"), str) and node["fn"] not in FUNCTIONS:
                known = ", ".join(sorted(FUNCTIONS)) or "none"
                raise PolicyError(
                    f"{where}: {path}.fn: unknown check function {node['fn']!r} (known: {known})"
                )
            for key in ("attr", "each", "some", "none"):
                if isinstance(node.get(key), str):
                    try:
                        parse_path(node[key])
                    except ValueError as exc:
                        raise PolicyError(f"{where}: {path}.{key}: {exc}") from exc
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for n, item in enumerate(node):
                walk(item, f"{path}[{n}]")

    walk(doc.get("condition"), "$.condition")
    walk(doc.get("conditions"), "$.conditions")


@lru_cache(maxsize=1)
def setup_extensions() -> None:
    """Register the engine extensions' operators and check functions, once (never at import time)."""
    from scanner.policy import eol, key_checks, secrets_check

    eol.register()
    secrets_check.register()
    key_checks.register()


def parse_policy(doc: Any, path: Path, *, validated: bool = False) -> Policy:
    """A policy from its YAML document; ``validated`` skips the schema check it already passed."""
    setup_extensions()
    where = str(path)
    if not isinstance(doc, Mapping):
        raise PolicyError(f"{where}: a policy must be a YAML mapping")
    error = None if validated else _best_error(doc)
    if error is not None:
        raise PolicyError(f"{where}: {_json_path(error.absolute_path)}: {error.message}")
    if doc["id"] != path.stem:
        raise PolicyError(f"{where}: $.id: {doc['id']!r} does not match the file name {path.stem!r}")
    _check_semantics(doc, where)
    return Policy(
        id=doc["id"],
        title=doc["title"],
        severity=Severity(doc["severity"]),
        description=doc["description"].strip(),
        remediation=doc["remediation"].strip(),
        resource_types=tuple(doc["resource_types"]),
        path=where,
        condition=doc.get("condition"),
        conditions=doc.get("conditions", {}),
        references=tuple(doc.get("references", ())),
        frameworks={k: tuple(v) for k, v in sorted(doc.get("frameworks", {}).items())},
        aliases=tuple(doc.get("aliases", ())),
        tags=tuple(doc.get("tags", ())),
        origins=frozenset(doc.get("origins", ())),
        options=doc.get("options", {}),
    )


def load_policy_file(path: Path, cache: ValidationCache | None = None) -> Policy:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read policy: {exc.strerror}") from exc
    key = digest(_schema_bytes(), raw) if cache is not None else ""
    cached = cache.get(key) if cache is not None else None
    if cached is not None:
        return parse_policy(cached, path, validated=True)
    try:
        doc = load_yaml(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise PolicyError(f"{path}: not UTF-8 text") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise PolicyError(f"{path}{line}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    except RecursionError as exc:
        raise PolicyError(f"{path}: invalid YAML: nested too deeply") from exc
    check_document(doc, str(path))
    policy = parse_policy(doc, path)
    if cache is not None:
        cache.add(key, doc)
    return policy


def policy_files(directory: Path) -> list[Path]:
    """Policy YAML files below a directory: one policy a file, fixtures and data folders aside."""
    if not directory.is_dir():
        raise PolicyError(f"{directory}: policy directory not found")
    files = []
    for path in sorted(directory.rglob("*.y*ml")):
        rel = path.relative_to(directory).parts
        if rel[0] in ("eol", "frameworks") or path.name.startswith(".") or "fixtures" in rel:
            continue
        if path.suffix in (".yaml", ".yml"):
            files.append(path)
    return files


def load_policies(directories: Sequence[Path]) -> list[Policy]:
    """Load every policy of the directories; ids must be unique across them."""
    seen: dict[str, str] = {}
    out: list[Policy] = []
    cache = ValidationCache(cache_file())
    for directory in directories:
        for path in policy_files(directory):
            policy = load_policy_file(path, cache)
            if policy.id in seen:
                raise PolicyError(
                    f"{path}: $.id: duplicate policy id {policy.id!r} (also in {seen[policy.id]})"
                )
            seen[policy.id] = str(path)
            out.append(policy)
    cache.save()
    return sorted(out, key=lambda p: p.id)


@dataclass(frozen=True, slots=True)
class PolicySet:
    """Policies indexed by resource type, so evaluation cost does not grow with the library size."""

    policies: tuple[Policy, ...]
    by_type: Mapping[str, tuple[Policy, ...]]

    @classmethod
    def of(cls, policies: Iterable[Policy]) -> PolicySet:
        ordered = tuple(sorted(policies, key=lambda p: p.id))
        index: dict[str, list[Policy]] = defaultdict(list)
        for policy in ordered:
            for rtype in policy.resource_types:
                index[rtype].append(policy)
        return cls(ordered, {k: tuple(v) for k, v in index.items()})

    def alias_map(self) -> dict[str, str]:
        """checkov ids (and our ids) → our policy id."""
        out: dict[str, str] = {}
        for policy in self.policies:
            out[policy.id] = policy.id
            for alias in policy.aliases:
                out.setdefault(alias, policy.id)
        return out
