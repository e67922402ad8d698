"""Merge SARIF logs into one log with ONE run.

GitHub code scanning rejects an upload holding several runs with the same tool and category, so
everything goes into one run: each rule once (results re-indexed), results de-duplicated by their
``partialFingerprints`` (or, without any, by rule, message and location), notifications merged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from scanner.baseline import Baseline

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "iacscan/v1"


def _runs(documents: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [run for doc in documents for run in doc.get("runs", []) if isinstance(run, dict)]


def _result_key(result: dict[str, Any]) -> str:
    prints = result.get("partialFingerprints") or result.get("fingerprints")
    if prints:
        return json.dumps([result.get("ruleId"), sorted(prints.items())], sort_keys=True)
    return json.dumps([result.get("ruleId"), result.get("message"), result.get("locations")], sort_keys=True)


def _strip_indexes(result: dict[str, Any]) -> dict[str, Any]:
    """Drop artifact indexes: they point into one run's artifacts array, which the merge drops."""
    out = dict(result)
    locations = []
    for location in result.get("locations", []):
        location = json.loads(json.dumps(location))
        artifact = location.get("physicalLocation", {}).get("artifactLocation")
        if isinstance(artifact, dict):
            artifact.pop("index", None)
        locations.append(location)
    if locations:
        out["locations"] = locations
    out.pop("rule", None)
    return out


def _notification_key(note: dict[str, Any]) -> str:
    return json.dumps(
        [note.get("level"), note.get("message"), note.get("descriptor"), note.get("locations")],
        sort_keys=True,
    )


def merge_documents(documents: Sequence[dict[str, Any]], *, category: str | None = None) -> dict[str, Any]:
    """One SARIF 2.1.0 log with one run holding every rule once and every distinct result once."""
    runs = _runs(documents)
    driver: dict[str, Any] = {"name": "iacscan"}
    if runs:
        first = runs[0].get("tool", {}).get("driver", {})
        driver = {k: v for k, v in first.items() if k not in ("rules", "notifications")}
    rules: dict[str, dict[str, Any]] = {}
    results: dict[str, dict[str, Any]] = {}
    notes: dict[str, dict[str, Any]] = {}
    successful = True
    base_ids: dict[str, Any] = {}
    for run in runs:
        for rule in run.get("tool", {}).get("driver", {}).get("rules", []):
            rules.setdefault(rule["id"], rule)
        for result in run.get("results", []):
            results.setdefault(_result_key(result), _strip_indexes(result))
        for invocation in run.get("invocations", []):
            successful = successful and bool(invocation.get("executionSuccessful", True))
            for note in invocation.get("toolExecutionNotifications", []):
                notes.setdefault(_notification_key(note), note)
        base_ids.update(run.get("originalUriBaseIds", {}))
    ordered_rules = [rules[k] for k in sorted(rules)]
    index = {rule["id"]: n for n, rule in enumerate(ordered_rules)}
    merged_results = []
    for key in sorted(results, key=lambda k: (str(results[k].get("ruleId", "")), k)):
        result = results[key]
        if result.get("ruleId") in index:
            result["ruleIndex"] = index[result["ruleId"]]
        else:
            result.pop("ruleIndex", None)
        merged_results.append(result)
    driver["rules"] = ordered_rules
    run_out: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [
            {
                "executionSuccessful": successful,
                "toolExecutionNotifications": [notes[k] for k in sorted(notes)],
            }
        ],
        "results": merged_results,
        "columnKind": "unicodeCodePoints",
        "properties": {"mergedRuns": len(runs)},
    }
    if base_ids:
        run_out["originalUriBaseIds"] = base_ids
    if category:
        run_out["automationDetails"] = {"id": category if category.endswith("/") else f"{category}/"}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run_out]}


def render_merged(documents: Sequence[dict[str, Any]], *, category: str | None = None) -> str:
    return json.dumps(merge_documents(documents, category=category), indent=2, ensure_ascii=False) + "\n"


def suppress_known(document: dict[str, Any], baseline: Baseline) -> dict[str, Any]:
    """Mark results recorded in BASELINE as suppressed: same fingerprint (rule, root, address,
    attribute), or, for a baseline entry without a root, same rule, address and attribute in any root.

    For a baseline applied to reports made without it (e.g. drift reports merged in a nightly job).
    """
    for run in document.get("runs", []):
        for result in run.get("results", []):
            props = result.get("properties") if isinstance(result.get("properties"), dict) else {}
            entry = baseline.match(
                str(result.get("ruleId", "")),
                str(props.get("root", "")),
                str(props.get("resource", "")),
                str(props.get("attribute", "")),
                str(result.get("partialFingerprints", {}).get(FINGERPRINT_KEY, "")),
            )
            if entry is None or result.get("suppressions"):
                continue
            since = entry.since
            text = f"in baseline since {since}" if since else "in baseline"
            result["suppressions"] = [{"kind": "external", "justification": text}]
    return document
