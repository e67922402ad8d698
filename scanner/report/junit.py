"""JUnit XML, the test report GitLab, Jenkins and Azure DevOps show natively.

One ``testsuite`` per root (the root module folder or input file; one suite named ``iacscan`` when
results carry no root), one ``testcase`` per (policy, resource): ``classname`` is the policy id,
``name`` the resource address, ``file``/``line`` where it is written. A failure carries the message
and ``file:line``; a suppressed failure is ``skipped`` with its justification; a result that could not
be decided is ``skipped`` with the reason; a pass has no child. Drift results are test cases of their
drift rule. Text from scanned files is untrusted: characters XML 1.0 cannot carry are escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Collection

from scanner.model import Finding, ScanResult, Status
from scanner.report.common import location_text, safe_value, unknown_reason

SUITE_WITHOUT_ROOT = "iacscan"
# Characters XML 1.0 cannot hold, even as references: C0 controls but tab/LF/CR, surrogates, FFFE/FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _case(finding: Finding) -> ET.Element:
    case = ET.Element(
        "testcase",
        {
            "classname": _clean(finding.rule_id),
            "name": _clean(finding.resource_address),
            "time": "0",
        },
    )
    if finding.source is not None:
        case.set("file", _clean(finding.source.path))
        case.set("line", str(finding.source.start_line))
    where = location_text(finding)
    if finding.status is Status.FAIL:
        failure = ET.SubElement(
            case, "failure", {"message": _clean(finding.message), "type": finding.severity.value}
        )
        failure.text = _clean(_details(finding, where))
    elif finding.status is Status.SUPPRESSED:
        why = finding.suppression.justification if finding.suppression else "suppressed"
        ET.SubElement(case, "skipped", {"message": _clean(f"suppressed: {why}"), "type": "suppressed"})
    elif finding.status is Status.UNKNOWN:
        reason = f"could not be decided: {unknown_reason(finding)}"
        ET.SubElement(case, "skipped", {"message": _clean(reason), "type": "unknown"})
    return case


def _details(finding: Finding, where: str) -> str:
    lines = [
        f"{finding.severity.value.upper()} {finding.rule_id}: {finding.message}",
        f"resource: {finding.resource_address} ({finding.resource_type})",
        f"location: {where}",
    ]
    if finding.attribute_path:
        lines.append(f"attribute: {finding.attribute_path}")
    if finding.drift_kind is not None:
        lines.append(f"drift: {finding.drift_kind.value}")
        if finding.attribute_path:
            lines.append(f"expected (IaC): {safe_value(finding.expected)!r}")
            lines.append(f"actual (cloud): {safe_value(finding.actual)!r}")
    return "\n".join(lines)


def _counts(findings: list[Finding]) -> dict[str, str]:
    return {
        "tests": str(len(findings)),
        "failures": str(sum(1 for f in findings if f.status is Status.FAIL)),
        "errors": "0",
    }


def junit_document(result: ScanResult) -> ET.Element:
    by_root: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        if finding.is_drift and finding.status not in (Status.FAIL, Status.SUPPRESSED):
            continue
        by_root[finding.root].append(finding)
    everything = [f for findings in by_root.values() for f in findings]
    suites = ET.Element("testsuites", {"name": "iacscan", "time": "0", **_counts(everything)})
    for root in sorted(by_root):
        findings = sorted(by_root[root], key=lambda f: (f.rule_id, f.resource_address, f.attribute_path))
        attrs = {"name": _clean(root or SUITE_WITHOUT_ROOT), **_counts(findings), "time": "0"}
        attrs["skipped"] = str(sum(1 for f in findings if f.status in (Status.SUPPRESSED, Status.UNKNOWN)))
        suite = ET.SubElement(suites, "testsuite", attrs)
        for finding in findings:
            suite.append(_case(finding))
    if result.notifications:
        # Tool warnings (an unparsable file, AccessDenied) go to the first suite's log.
        holder = (
            suites[0]
            if len(suites)
            else ET.SubElement(suites, "testsuite", {"name": SUITE_WITHOUT_ROOT, "tests": "0"})
        )
        out = ET.SubElement(holder, "system-err")
        out.text = _clean("\n".join(f"{n.level}: {n.message}" for n in result.notifications))
    return suites


def render_junit(result: ScanResult, show: Collection[Status] = ()) -> str:
    """Every evaluated (policy, resource) pair is a test case, so ``show`` changes nothing here."""
    document = junit_document(result)
    ET.indent(document)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(document, encoding="unicode") + "\n"
