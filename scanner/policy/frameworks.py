"""Compliance frameworks: data files mapping each control to policy ids. Policies know nothing of them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scanner.errors import PolicyError
from scanner.yamlio import load_yaml


@dataclass(frozen=True, slots=True)
class Control:
    id: str
    title: str
    policies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Framework:
    name: str
    title: str
    version: str
    controls: tuple[Control, ...]
    path: str
    # What the control ids mean and why some are the framework's own (written in the framework file).
    description: str = ""

    def policy_ids(self) -> frozenset[str]:
        return frozenset(pid for c in self.controls for pid in c.policies)


def _parse(doc: Any, path: Path) -> Framework:
    if not isinstance(doc, Mapping) or not isinstance(doc.get("controls"), list):
        raise PolicyError(f"{path}: $.controls: a framework file needs a list of controls")
    controls = []
    for n, item in enumerate(doc["controls"]):
        if not isinstance(item, Mapping) or "id" not in item or not isinstance(item.get("policies"), list):
            raise PolicyError(f"{path}: $.controls[{n}]: each control needs an id and a policies list")
        controls.append(
            Control(str(item["id"]), str(item.get("title", "")), tuple(map(str, item["policies"])))
        )
    return Framework(
        name=str(doc.get("name", path.stem)),
        title=str(doc.get("title", path.stem)),
        version=str(doc.get("version", "")),
        controls=tuple(controls),
        path=str(path),
        description=" ".join(str(doc.get("description", "")).split()),
    )


def _merge(a: Framework, b: Framework) -> Framework:
    """Two files of one framework (e.g. one per policy area): controls merged by id."""
    controls: dict[str, Control] = {c.id: c for c in a.controls}
    for c in b.controls:
        prev = controls.get(c.id)
        if prev is None:
            controls[c.id] = c
        else:
            policies = tuple(dict.fromkeys(prev.policies + c.policies))
            controls[c.id] = Control(c.id, prev.title or c.title, policies)
    ordered = tuple(sorted(controls.values(), key=lambda c: _control_key(c.id)))
    return Framework(
        a.name, a.title or b.title, a.version or b.version, ordered, a.path, a.description or b.description
    )


def _control_key(control_id: str) -> tuple[tuple[int, int, str], ...]:
    # Numbers sort numerically and before words, so "S3.2" < "S3.10" < "S3.x1" without comparing int to str.
    parts = control_id.replace("-", ".").split(".")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def load_frameworks(policy_roots: list[Path]) -> dict[str, Framework]:
    """Framework files below ``<root>/frameworks/`` (any depth); files naming one framework merge."""
    out: dict[str, Framework] = {}
    for root in policy_roots:
        folder = root / "frameworks"
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.y*ml")):
            try:
                doc = load_yaml(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise PolicyError(f"{path}: cannot load framework: {exc}") from exc
            fw = _parse(doc, path)
            out[fw.name] = _merge(out[fw.name], fw) if fw.name in out else fw
    return out


def controls_by_policy(frameworks: Mapping[str, Framework]) -> dict[str, dict[str, tuple[str, ...]]]:
    """policy id → {framework name → control ids}."""
    table: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, fw in frameworks.items():
        for control in fw.controls:
            for pid in control.policies:
                table[pid][name].append(control.id)
    return {pid: {fw: tuple(sorted(set(c))) for fw, c in m.items()} for pid, m in table.items()}
