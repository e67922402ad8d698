"""A Pulumi project folder: ``Pulumi.yaml``, its stack files and the configuration a run needs.

Reads only what running the program under mocks needs: the project name, the runtime (and its
``virtualenv`` option), the ``main`` entry point, and the chosen stack's ``config:``. Secret values
(``secure:``) are never decrypted: each becomes a placeholder that the converter turns back into
``Sensitive``, so nothing secret can reach a report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scanner.errors import SourceError

SECRET_PLACEHOLDER = "iacscan-secret-placeholder-"
PROJECT_FILES = ("Pulumi.yaml", "Pulumi.yml")


@dataclass(frozen=True, slots=True)
class PulumiProject:
    folder: Path
    name: str
    runtime: str
    main: Path
    virtualenv: Path | None


@dataclass(frozen=True, slots=True)
class StackConfig:
    stack: str
    values: dict[str, str]  # "project:key" → string, as PULUMI_CONFIG carries it
    secret_keys: tuple[str, ...]


def project_file(folder: Path) -> Path | None:
    for name in PROJECT_FILES:
        if (folder / name).is_file():
            return folder / name
    return None


def _load_yaml(path: Path, display: str) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read file: {exc}", display) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise SourceError(f"invalid YAML: {getattr(exc, 'problem', exc)}", display, line) from exc


def read_project(folder: Path, display: str) -> PulumiProject:
    path = project_file(folder)
    if path is None:
        raise SourceError("no Pulumi.yaml here", display)
    data = _load_yaml(path, f"{display}/{path.name}" if display else path.name)
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise SourceError("Pulumi.yaml has no project name", f"{display}/{path.name}")
    runtime = data.get("runtime")
    options: dict[str, Any] = {}
    if isinstance(runtime, dict):
        raw_options = runtime.get("options")
        options = raw_options if isinstance(raw_options, dict) else {}
        runtime = runtime.get("name")
    main = folder / str(data["main"]) if isinstance(data.get("main"), str) else folder
    if main.is_dir():
        main = main / "__main__.py"
    if not _inside(main, folder):
        raise SourceError(f"Pulumi.yaml main {data['main']!r} lies outside the project folder", display)
    venv = options.get("virtualenv")
    virtualenv = folder / venv if isinstance(venv, str) and venv else None
    if virtualenv is not None and not _inside(virtualenv, folder):
        raise SourceError(f"Pulumi.yaml virtualenv {venv!r} lies outside the project folder", display)
    return PulumiProject(
        folder=folder, name=data["name"], runtime=str(runtime or ""), main=main, virtualenv=virtualenv
    )


def _inside(path: Path, folder: Path) -> bool:
    """Symlinks resolved: a hostile Pulumi.yaml must not point iacscan at files elsewhere."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def available_stacks(folder: Path) -> list[str]:
    stacks = []
    for path in folder.iterdir():
        name = path.name
        for suffix in (".yaml", ".yml"):
            if name.startswith("Pulumi.") and name.endswith(suffix) and name.count(".") == 2:
                stacks.append(name[len("Pulumi.") : -len(suffix)])
    return sorted(stacks)


def choose_stack(folder: Path, wanted: str | None) -> str:
    """``--stack`` (its last part: ``org/project/dev`` → ``dev``), else the only stack file, else ``dev``."""
    stacks = available_stacks(folder)
    if wanted:
        return wanted.split("/")[-1]
    if len(stacks) == 1:
        return stacks[0]
    return "dev"


def _config_string(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def stack_config(project: PulumiProject, stack: str, display: str) -> StackConfig:
    values: dict[str, str] = {}
    secrets: list[str] = []

    def put(key: str, value: Any) -> None:
        full = key if ":" in key else f"{project.name}:{key}"
        if isinstance(value, dict) and set(value) == {"secure"}:
            values[full] = f"{SECRET_PLACEHOLDER}{len(secrets)}"
            secrets.append(full)
        elif value is not None:
            values[full] = _config_string(value)

    declared = _load_yaml(project_file(project.folder) or project.folder, display)
    for key, spec in (declared.get("config") or {}).items() if isinstance(declared, dict) else ():
        if isinstance(spec, dict) and "default" in spec:  # project-level declarations with defaults
            put(str(key), spec["default"])
        elif isinstance(spec, dict) and "value" in spec:
            put(str(key), spec["value"])
        elif not isinstance(spec, dict):
            put(str(key), spec)
    for suffix in (".yaml", ".yml"):
        path = project.folder / f"Pulumi.{stack}{suffix}"
        if path.is_file():
            data = _load_yaml(path, f"{display}/{path.name}" if display else path.name)
            config = data.get("config") if isinstance(data, dict) else None
            for key, value in (config or {}).items() if isinstance(config, dict) else ():
                put(str(key), value)
            break
    return StackConfig(stack, values, tuple(secrets))
