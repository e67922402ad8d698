"""What a run shows: ``--severity``, ``--show``, and the warnings about what a user asked for that
cannot be right (an unknown policy id to skip, results outside ``--base-dir``)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any, TypeVar

import click

from scanner.model import Notification, ScanResult, Severity, Status

F = TypeVar("F", bound=Callable[..., Any])

SHOW_CHOICES = {"unknown": Status.UNKNOWN, "passed": Status.PASS}


def _words(values: Iterable[str]) -> list[str]:
    return [w.strip().lower() for value in values for w in value.split(",") if w.strip()]


def _parse_show(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> frozenset[Status]:
    out = set()
    for word in _words(values):
        if word not in SHOW_CHOICES:
            raise click.BadParameter(f"{word!r} is not one of {', '.join(sorted(SHOW_CHOICES))}")
        out.add(SHOW_CHOICES[word])
    return frozenset(out)


def _parse_severity(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> frozenset[Severity] | None:
    words = _words(values)
    if not words:
        return None
    known = [s.value for s in Severity]
    bad = [w for w in words if w not in known]
    if bad:
        raise click.BadParameter(f"{bad[0]!r} is not a severity (use {','.join(known)})")
    return frozenset(Severity(w) for w in words)


def show_option(func: F) -> F:
    return click.option(
        "--show",
        "show",
        multiple=True,
        callback=_parse_show,
        metavar="unknown,passed",
        help="Also list results that could not be decided (with the value that was unknown and where it "
        "came from) and/or passed checks, in text, json, sarif and junitxml. Repeatable or comma-separated.",
    )(func)


def severity_option(func: F) -> F:
    return click.option(
        "--severity",
        "severities",
        multiple=True,
        callback=_parse_severity,
        metavar="LIST",
        help="Only show and count policy results of these severities (critical,high,medium,low; "
        "comma-separated or repeated); --fail-on applies to what is left.",
    )(func)


def filter_severity(result: ScanResult, severities: Collection[Severity] | None) -> ScanResult:
    """Keep drift and the policy results of the given severities (None: everything)."""
    if not severities:
        return result
    kept = tuple(f for f in result.findings if f.is_drift or f.severity in severities)
    return replace(result, findings=kept)


def closest_id(wanted: str, known: Collection[str]) -> str | None:
    matches = difflib.get_close_matches(wanted.upper(), sorted(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def unknown_skip_notes(skips: Iterable[tuple[str, str]], known: Collection[str]) -> list[Notification]:
    """One warning per skipped id that names no policy: ``(id, where it was given)`` pairs."""
    notes = []
    upper = {k.upper() for k in known}
    for skip_id, where in dict.fromkeys(skips):
        if not known or skip_id.upper() in upper:
            continue
        near = closest_id(skip_id, known)
        hint = f"did you mean {near}?" if near else "see `iacscan policies list`"
        notes.append(
            Notification("warning", f"{where} {skip_id}: no policy has this id; {hint}", kind="config")
        )
    return notes


def outside_base_note(result: ScanResult) -> Notification | None:
    """One warning per run when results point at files outside the base directory: code scanning
    cannot place a SARIF location like ``../other/main.tf``."""
    outside = sorted(
        {
            f.source.path
            for f in result.findings
            if f.source is not None
            and f.status in (Status.FAIL, Status.SUPPRESSED)
            and (f.source.path.startswith("../") or PurePosixPath(f.source.path).is_absolute())
        }
    )
    if not outside:
        return None
    return Notification(
        "warning",
        f"{len(outside)} file(s) with results lie outside the base directory (e.g. {outside[0]}); "
        "code scanning cannot place them: run from the repository root or set --base-dir to it",
        kind="config",
    )
