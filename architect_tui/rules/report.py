"""Turning violations into what people and tools read: text, JSON, SARIF 2.1.0.

(The review layer turns them into ``Finding``s: ``review.offline.to_finding``.)
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from architect_tui.rules.base import Rule, Violation
from architect_tui.rules.engine import CheckResult
from architect_tui.rules.registry import ALL_RULES, RULES_BY_ID
from architect_tui.rules.severity import SEVERITIES, severity_rank

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "note",
    "info": "note",
}
# GitHub code scanning ranks security results by this 0-10 score.
SECURITY_SCORE = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "info": "1.0"}


def rule_of(violation: Violation) -> type[Rule]:
    return RULES_BY_ID[violation.rule]


def severity_of(violation: Violation) -> str:
    """The finding's severity: the rule's default unless the rule judged this one."""
    return violation.severity or rule_of(violation).severity


def at_or_above(violations: list[Violation], severity: str) -> list[Violation]:
    limit = severity_rank(severity)
    return [v for v in violations if severity_rank(severity_of(v)) <= limit]


def summary_line(result: CheckResult) -> str:
    counts = Counter(severity_of(v) for v in result.violations)
    parts = [f"{counts[s]} {s}" for s in SEVERITIES if counts[s]]
    offered = [v for v in result.violations if v.fixed or v.fix is not None]
    suggested = sum(1 for v in offered if v.suggestion)
    total = len(result.violations)
    noun = "finding" if total == 1 else "findings"
    detail = f" ({', '.join(parts)})" if parts else ""
    line = f"{total} {noun}{detail} in {result.files} files; "
    line += f"{len(offered) - suggested} with an automatic fix"
    return line + (f", {suggested} with a suggested change" if suggested else "")


def format_text(result: CheckResult) -> str:
    lines = []
    for v in result.violations:
        lines.append(f"{v.file}:{v.line}:{v.column}: {v.rule} [{severity_of(v)}] {v.message}")
    for e in result.errors:
        lines.append(f"{e.file}:{e.line}: error: {e.message}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def format_json(result: CheckResult, root: Path) -> str:
    counts = Counter(severity_of(v) for v in result.violations)
    payload: dict[str, Any] = {
        "project": str(root),
        "files": result.files,
        "findings": [
            {
                "rule": v.rule,
                "severity": severity_of(v),
                "category": rule_of(v).category,
                "title": rule_of(v).title,
                "file": v.file,
                "line": v.line,
                "column": v.column,
                "end_line": v.end_line,
                "message": v.message,
                "fixable": v.fixed,
                # "autofix" (keeps behaviour), "suggestion" (changes it), None (no fix)
                "fix": v.fix_kind if v.fixed else None,
            }
            for v in result.violations
        ],
        "errors": [{"file": e.file, "line": e.line, "message": e.message} for e in result.errors],
        "summary": {"total": len(result.violations), **{s: counts[s] for s in SEVERITIES}},
        "changes": result.diff_for(result.violations, "autofix"),
        "suggestions": result.diff_for(result.violations, "suggestion"),
    }
    return json.dumps(payload, indent=2) + "\n"


def sarif_log(result: CheckResult, root: Path, version: str) -> dict[str, Any]:
    """A SARIF 2.1.0 log: every rule in tool.driver.rules, one result per violation."""
    index = {rule.id: i for i, rule in enumerate(ALL_RULES)}
    rules = [
        {
            "id": rule.id,
            "name": rule.__name__,
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": rule.rationale},
            "help": {"text": rule.rationale},
            "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
            "properties": {
                "tags": [rule.category, "flask"],
                "precision": "medium",
                **(
                    {"security-severity": SECURITY_SCORE[rule.severity]}
                    if rule.category == "security"
                    else {}
                ),
            },
        }
        for rule in ALL_RULES
    ]
    results = [
        {
            "ruleId": v.rule,
            "ruleIndex": index[v.rule],
            "level": SARIF_LEVEL[severity_of(v)],
            "message": {"text": v.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": v.file, "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": v.line,
                            "startColumn": v.column,
                            "endLine": max(v.end_line, v.line),
                        },
                    }
                }
            ],
            # stable across line moves, so code scanning keeps an alert's history
            "partialFingerprints": {"architect/v1": _fingerprint(v)},
        }
        for v in result.violations
    ]
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{e.file}: {e.message}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": e.file, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": max(e.line, 1)},
                    }
                }
            ],
        }
        for e in result.errors
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "architect",
                        "informationUri": "https://github.com/architect-tui/architect-tui",
                        "version": version,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
                "invocations": [
                    {
                        "executionSuccessful": not result.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }


def _fingerprint(v: Violation) -> str:
    return hashlib.sha256(f"{v.rule}\0{v.file}\0{v.message}".encode()).hexdigest()[:32]


def format_sarif(result: CheckResult, root: Path, version: str) -> str:
    return json.dumps(sarif_log(result, root, version), indent=2) + "\n"
