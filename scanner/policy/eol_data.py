"""Dated end-of-life data: one YAML file per product in ``policies/eol/``, plus an optional local override.

Each product lists its *cycles* (a runtime identifier, a major version) with the dates of its lifecycle
*phases* (deprecation, end of standard support, ...). Files are validated against ``eol_schema.json``
when loaded. The override file written by ``iacscan eol refresh`` (``.iacscan/eol-overrides.yaml`` in the
current directory, or the file named by ``IACSCAN_EOL_OVERRIDES``) adds cycles and replaces dates of the
shipped data. Everything is loaded once per (data directory, override file) and cached.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from scanner.errors import PolicyError
from scanner.policy.schemas import schema_bytes, validator
from scanner.policy.validation_cache import ValidationCache, cache_file, digest
from scanner.yamlio import load_yaml

if TYPE_CHECKING:
    import jsonschema  # imported where used: it costs 0.2 s of start-up

DATA_DIRNAME = "eol"
OVERRIDE_ENV = "IACSCAN_EOL_OVERRIDES"
DEFAULT_OVERRIDE = Path(".iacscan") / "eol-overrides.yaml"
_TOKEN_SPLIT = re.compile(r"[._\-]+")


@lru_cache(maxsize=4096)
def version_tokens(text: str) -> tuple[str, ...]:
    """``8.0.mysql_aurora.3.05`` → ``("8", "0", "mysql", "aurora", "3", "05")``; case-insensitive."""
    return tuple(t for t in _TOKEN_SPLIT.split(text.strip().lower()) if t)


@dataclass(frozen=True, slots=True)
class Phase:
    kind: str
    severity: str
    label: str


@dataclass(frozen=True, slots=True)
class Cycle:
    name: str
    dates: Mapping[str, date]
    source: str
    label: str = ""

    @property
    def tokens(self) -> tuple[str, ...]:
        return version_tokens(self.name)


@dataclass(frozen=True, slots=True)
class Product:
    name: str
    title: str
    sources: tuple[str, ...]
    last_checked: date
    phases: tuple[Phase, ...]
    cycles: tuple[Cycle, ...]
    family: str = ""
    engines: frozenset[str] = frozenset()
    major_components: int = 1
    path: str = ""

    index: Mapping[tuple[str, ...], Cycle] = field(default_factory=dict, repr=False, compare=False)

    def find(self, version: str) -> Cycle | None:
        """The cycle whose name is the longest component-wise prefix of the version (14.7 → 14)."""
        tokens = version_tokens(version)
        index = self.index or {c.tokens: c for c in self.cycles}
        for end in range(len(tokens), 0, -1):
            cycle = index.get(tokens[:end])
            if cycle is not None:
                return cycle
        return None


@dataclass(frozen=True, slots=True)
class EolData:
    products: Mapping[str, Product]
    warnings: tuple[str, ...] = ()
    override: str = ""

    def product(self, name: str) -> Product | None:
        return self.products.get(name)

    def for_engine(self, family: str, engine: str) -> Product | None:
        wanted = engine.strip().lower()
        for product in self.products.values():
            if product.family == family and wanted in product.engines:
                return product
        return None


@dataclass(slots=True)
class _Draft:
    """A product's fields while shipped data and overrides are merged."""

    doc: dict[str, Any]
    cycles: dict[str, dict[str, Any]] = field(default_factory=dict)


def _schema_bytes() -> bytes:
    return schema_bytes("eol_schema.json")


def _validator() -> jsonschema.protocols.Validator:
    return validator("eol_schema.json")


def _plain(value: Any) -> Any:
    """YAML dates and datetimes → ISO strings, so the schema sees what the file says."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _read_yaml(path: Path) -> Any:
    try:
        return _plain(load_yaml(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read end-of-life data: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise PolicyError(f"{path}{line}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc


def validate_product_doc(doc: Any, path: Path) -> dict[str, Any]:
    """Schema-check one product file; raise PolicyError naming the file and the JSON path."""
    import jsonschema

    errors = list(_validator().iter_errors(doc))
    if errors:
        error = jsonschema.exceptions.best_match(errors)
        where = "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in error.absolute_path)
        raise PolicyError(f"{path}: {where}: {error.message}")
    if doc["product"] != path.stem:
        raise PolicyError(f"{path}: $.product: {doc['product']!r} does not match the file name {path.stem!r}")
    names = [c["cycle"] for c in doc["cycles"]]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise PolicyError(f"{path}: $.cycles: duplicate cycle {dupes[0]!r}")
    return dict(doc)


def _product(draft: _Draft, path: str) -> Product:
    doc = draft.doc
    cycles = tuple(
        Cycle(
            name=c["cycle"],
            dates={k: date.fromisoformat(v) for k, v in sorted(c.get("dates", {}).items())},
            source=c["source"],
            label=c.get("label", ""),
        )
        for c in draft.cycles.values()
    )
    return Product(
        name=doc["product"],
        title=doc["title"],
        sources=tuple(doc["source"]),
        last_checked=date.fromisoformat(doc["last_checked"]),
        phases=tuple(Phase(p["date"], p["severity"], p["label"]) for p in doc["phases"]),
        cycles=cycles,
        family=doc.get("family", ""),
        engines=frozenset(e.lower() for e in doc.get("engines", ())),
        major_components=int(doc.get("major_components", 1)),
        path=path,
        index={c.tokens: c for c in cycles},
    )


def _merge_override(drafts: dict[str, _Draft], path: Path) -> list[str]:
    """Apply an override file onto the drafts; problems become warnings, the shipped data stays."""
    try:
        doc = _read_yaml(path)
    except PolicyError as exc:
        return [str(exc)]
    products = doc.get("products") if isinstance(doc, Mapping) else None
    if not isinstance(products, Mapping):
        return [f"{path}: $.products: expected a mapping of product name to data; override ignored"]
    warnings: list[str] = []
    for name, entry in sorted(products.items()):
        draft = drafts.get(name)
        if draft is None or not isinstance(entry, Mapping):
            warnings.append(f"{path}: $.products.{name}: unknown product or not a mapping; ignored")
            continue
        merged = dict(draft.doc)
        cycles = {k: dict(v) for k, v in draft.cycles.items()}
        for n, item in enumerate(entry.get("cycles") or []):
            if not isinstance(item, Mapping) or "cycle" not in item:
                warnings.append(f"{path}: $.products.{name}.cycles[{n}]: needs a 'cycle'; ignored")
                continue
            key = str(item["cycle"])
            current = cycles.setdefault(key, {"cycle": key, "source": item.get("source", "")})
            current["dates"] = {**current.get("dates", {}), **dict(item.get("dates") or {})}
            if item.get("source"):
                current["source"] = item["source"]
        checked = entry.get("last_checked")
        if isinstance(checked, str) and checked > merged["last_checked"]:
            merged["last_checked"] = checked
        merged["cycles"] = list(cycles.values())
        try:
            validate_product_doc(merged, Path(f"{name}.yaml"))
        except PolicyError as exc:
            warnings.append(f"{path}: $.products.{name}: {str(exc).split(': ', 1)[-1]}; ignored")
            continue
        drafts[name] = _Draft(merged, {str(c["cycle"]): c for c in merged["cycles"]})
    return warnings


def _validated_cache() -> ValidationCache:
    """Validated product documents by content hash (beside the policy cache), so warm scans skip YAML
    parsing and schema validation; ``IACSCAN_NO_CACHE=1`` turns it off."""
    policies = cache_file()
    return ValidationCache(policies.with_name("validated-eol.json") if policies is not None else None)


def _product_doc(path: Path, cache: ValidationCache) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read end-of-life data: {exc.strerror}") from exc
    key = digest(_schema_bytes() + path.name.encode(), raw)
    cached = cache.get(key)
    if isinstance(cached, dict):
        return cached
    doc = validate_product_doc(_read_yaml(path), path)
    cache.add(key, doc)
    return doc


def load_eol_data(directory: Path, override: Path | None = None) -> EolData:
    """Every product file of ``directory`` (validated), then the override file if given and present."""
    drafts: dict[str, _Draft] = {}
    paths: dict[str, str] = {}
    if directory.is_dir():
        cache = _validated_cache()
        for path in sorted(directory.glob("*.yaml")):
            doc = _product_doc(path, cache)
            drafts[doc["product"]] = _Draft(doc, {c["cycle"]: dict(c) for c in doc["cycles"]})
            paths[doc["product"]] = str(path)
        cache.save()
    warnings: list[str] = []
    if override is not None and override.is_file():
        warnings = _merge_override(drafts, override)
    products = {name: _product(drafts[name], paths.get(name, "")) for name in sorted(drafts)}
    return EolData(products, tuple(warnings), str(override) if override and override.is_file() else "")


def override_path() -> Path | None:
    """``$IACSCAN_EOL_OVERRIDES`` if set, else ``.iacscan/eol-overrides.yaml`` in the current directory."""
    env = os.environ.get(OVERRIDE_ENV)
    if env:
        return Path(env)
    local = Path.cwd() / DEFAULT_OVERRIDE
    return local if local.is_file() else None


@lru_cache(maxsize=1)
def _data_dir() -> str:
    from scanner.policy.loader import builtin_policy_root

    return str(builtin_policy_root() / DATA_DIRNAME)


@lru_cache(maxsize=8)
def _cached(directory: str, override: str, stamp: int) -> EolData:
    data = load_eol_data(Path(directory), Path(override) if override else None)
    if override and not stamp:
        missing = f"{override}: end-of-life override file not found (${OVERRIDE_ENV}); using the shipped data"
        return EolData(data.products, (*data.warnings, missing), "")
    return data


def eol_data() -> EolData:
    """The shipped data (``policies/eol/`` of the built-in root) merged with the local override; cached.

    Called for every evaluated leaf, so it costs one ``stat`` of the override file, nothing more.
    """
    env = os.environ.get(OVERRIDE_ENV)
    candidate = env or os.path.join(os.getcwd(), DEFAULT_OVERRIDE)
    try:
        stamp = os.stat(candidate).st_mtime_ns
    except OSError:
        stamp = 0
    override = candidate if (stamp or env) else ""
    return _cached(_data_dir(), override, stamp)
