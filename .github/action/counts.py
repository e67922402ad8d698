"""Print the iacscan action's count outputs (NAME=VALUE lines for $GITHUB_OUTPUT) from a SARIF file.

Counts failing results only: a result with a suppression (inline, config skip, baseline) does not
count, nor a result of another kind than "fail" (`--show passed,unknown`).
"""

from __future__ import annotations

import json
import sys
from collections import Counter

SEVERITIES = ("critical", "high", "medium", "low")


def main(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        doc = json.load(handle)
    severities: Counter[str] = Counter()
    drift = 0
    for run in doc.get("runs", []):
        for result in run.get("results", []):
            if result.get("suppressions") or result.get("kind", "fail") != "fail":
                continue  # suppressed, or a pass / undecided result listed with --show
            props = result.get("properties", {})
            if props.get("driftKind"):
                drift += 1
            else:
                severities[str(props.get("severity", "low"))] += 1
    print(f"failed={sum(severities[s] for s in SEVERITIES)}")
    for severity in SEVERITIES:
        print(f"{severity}={severities[severity]}")
    print(f"drift={drift}")


if __name__ == "__main__":
    main(sys.argv[1])
