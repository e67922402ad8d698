"""Pulumi programs scanned before deployment: a project folder → ``Inventory``, opt-in.

With ``run=True`` (``--run-pulumi-programs``) a Python program is run in a child process under the
Pulumi SDK's mocks (``mock_runner.py``): no Pulumi CLI, backend, cloud credentials or network. Without
it the program is never run: a notification says how to scan it. A program that raises, times out or
lacks a package becomes an error notification with the last line of its error; nothing else is lost.
"""

from __future__ import annotations

from pathlib import Path

from scanner.errors import SourceError
from scanner.model import Inventory, Notification
from scanner.sources.terraform_values import display_path

from .convert import to_resources
from .project import choose_stack, project_file, read_project, stack_config
from .run import DEFAULT_TIMEOUT, ProgramFailed, interpreter, missing_requirements, run_program

__all__ = ["DEFAULT_TIMEOUT", "is_pulumi_program", "load_pulumi_program"]

FLAG = "--run-pulumi-programs"


def is_pulumi_program(folder: Path) -> bool:
    return project_file(folder) is not None


def _note(level: str, message: str) -> Notification:
    return Notification(level, message, kind="input")


def load_pulumi_program(
    folder: Path,
    *,
    base_dir: Path,
    run: bool = False,
    stack: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Inventory:
    display = display_path(folder, base_dir) or "."
    inputs = (display,)
    if not run:
        return Inventory(
            (),
            (
                _note(
                    "warning",
                    f"{display}: Pulumi program not scanned; pass {FLAG} (or run_pulumi_programs: true "
                    "in the configuration) to run it offline under mocks, or scan a `pulumi stack export`",
                ),
            ),
            inputs,
        )
    try:
        project = read_project(folder, display)
    except SourceError as exc:
        return Inventory((), (_note("error", str(exc)),), inputs)
    if project.runtime != "python":
        message = f"{display}: Pulumi runtime {project.runtime!r} is not run (iacscan runs Python programs)"
        return Inventory((), (_note("warning", message),), inputs)
    if not project.main.is_file():
        return Inventory((), (_note("error", f"{display}: no program at {project.main.name}"),), inputs)
    chosen = choose_stack(folder, stack)
    try:
        config = stack_config(project, chosen, display)
    except SourceError as exc:
        return Inventory((), (_note("error", str(exc)),), inputs)
    python = interpreter(project)
    notes: list[Notification] = []
    if not python.own:
        missing = missing_requirements(folder)
        if missing:
            notes.append(
                _note(
                    "warning",
                    f"{display}: requirements.txt asks for {', '.join(missing[:5])}, not installed here; "
                    "create the program's virtualenv (python -m venv venv && venv/bin/pip install -r "
                    "requirements.txt) and iacscan will use it",
                )
            )
    try:
        records = run_program(project, config, python.python, timeout)
    except ProgramFailed as exc:
        reason = str(exc)
        if "No module named 'pulumi" in reason:
            reason += " (install iacscan[pulumi], or give the program a virtualenv with its packages)"
        notes.append(_note("error", f"{display}: Pulumi program (stack {chosen}) failed: {reason}"))
        return Inventory((), tuple(notes), inputs)
    resources, more = to_resources(records, folder_display=display, root=display)
    return Inventory(tuple(resources), (*notes, *more), (*inputs, f"pulumi-stack:{project.name}/{chosen}"))
