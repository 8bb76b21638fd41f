"""Read the reviewer's markdown back: findings for the list, diff text for the changes view.

The format is written in ``prompts/architect.md``. This reader is tolerant of the small
deviations models make (bold or backticked locations, an em dash instead of a colon, upper-case
severities, a line range instead of a line); a heading it cannot read is left in the markdown and
simply not listed.

The diff text is only collected here. ``architect_tui.patch`` parses it as hostile input when a
change is previewed or applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from architect_tui.review.model import SEVERITIES, Finding

CATEGORIES = (
    "security",
    "rest",
    "database",
    "errors",
    "structure",
    "tests",
    "performance",
    "other",
)
_SEVERITY_ALIASES = {
    "major": "high",
    "minor": "low",
    "warning": "medium",
    "note": "info",
    "blocker": "critical",
    "moderate": "medium",
    "error": "high",
}
_HEADING = re.compile(
    r"^#{3,4}\s*(?:\d+[.)]\s*)?\**\[\s*(?P<sev>[A-Za-z]+)\s*\]\**\s*(?P<cat>[A-Za-z /_-]+?)\s*[:—–-]\s*(?P<title>.+?)\s*$"
)
_SECTION = re.compile(r"^##\s+(?P<name>.+?)\s*$")
_LOCATION = re.compile(
    r"^\s*(?:[-*]\s*)?\**(?:location|where|file)\**\s*:?\**\s*:?\s*(?P<rest>.*)$", re.IGNORECASE
)
_PATH_LINE = re.compile(
    r"`?(?P<path>[\w./@+-][\w./@+ -]*?\.[A-Za-z0-9]+):(?P<line>\d+)(?:\s*[-–]\s*(?P<end>\d+))?`?"
)
_FENCE = re.compile(r"^(?P<indent>\s*)(?P<ticks>`{3,}|~{3,})\s*(?P<info>[\w+-]*)\s*$")


@dataclass(slots=True)
class ParsedAnswer:
    summary: str = ""
    findings: list[Finding] = field(default_factory=list)
    changes: str = ""  # every ```diff block, joined, each ending with a newline
    dropped_unfinished: bool = False  # an unclosed diff block (a cut answer) was left out


def parse_answer(markdown: str, *, incomplete: bool = False) -> ParsedAnswer:
    """Findings and proposed diffs from the reviewer's markdown.

    An unclosed ```diff fence at the end (the answer was cut) is never offered as a change.
    ``incomplete`` is accepted for symmetry with the caller; an unclosed fence is dropped
    whatever it says, because half a hunk cannot be applied.
    """
    del incomplete
    answer = ParsedAnswer()
    lines = markdown.splitlines()
    diffs: list[str] = []
    section = ""
    summary: list[str] = []
    current: dict[str, object] | None = None
    detail: list[str] = []
    i = 0

    def close_finding() -> None:
        nonlocal current, detail
        if current is not None:
            text = "\n".join(detail).strip()
            answer.findings.append(
                Finding(
                    severity=current["severity"],  # type: ignore[arg-type]
                    category=str(current["category"]),
                    title=str(current["title"]),
                    file=current.get("file"),  # type: ignore[arg-type]
                    line=current.get("line"),  # type: ignore[arg-type]
                    detail=text,
                    end_line=current.get("end_line"),  # type: ignore[arg-type]
                )
            )
        current, detail = None, []

    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            ticks = fence["ticks"]
            body: list[str] = []
            j = i + 1
            closed = False
            while j < len(lines):
                if _closes(lines[j], ticks):
                    closed = True
                    break
                body.append(lines[j])
                j += 1
            is_diff = fence["info"].lower() in {"diff", "patch", "udiff"}
            if is_diff:
                if closed:
                    indent = len(fence["indent"])
                    diffs.append("\n".join(b[indent:] if b[:indent].isspace() else b for b in body))
                else:
                    answer.dropped_unfinished = True
            if current is not None:
                detail.extend(lines[i : j + 1])
            i = j + 1
            continue
        sec = _SECTION.match(line)
        if sec and not line.startswith("###"):
            close_finding()
            section = sec["name"].strip().lower()
            i += 1
            continue
        head = _HEADING.match(line)
        if head:
            close_finding()
            severity = head["sev"].lower()
            severity = _SEVERITY_ALIASES.get(severity, severity)
            if severity not in SEVERITIES:
                severity = "info"
            category = head["cat"].strip().lower().replace(" ", "_")
            if category not in CATEGORIES:
                category = "other"
            current = {
                "severity": severity,
                "category": category,
                "title": head["title"].strip().strip("*").strip(),
            }
            i += 1
            continue
        if current is not None:
            loc = _LOCATION.match(line)
            if loc and "file" not in current and not detail:
                where = _PATH_LINE.search(loc["rest"])
                if where:
                    current["file"] = where["path"].strip().removeprefix("./")
                    current["line"] = int(where["line"])
                    if where["end"]:
                        current["end_line"] = int(where["end"])
                else:
                    current["file"] = None
                i += 1
                continue
            detail.append(line)
        elif section.startswith("summary"):
            summary.append(line)
        i += 1
    close_finding()
    answer.summary = "\n".join(summary).strip()
    answer.changes = "".join(d.rstrip("\n") + "\n" for d in diffs if d.strip())
    return answer


def _closes(line: str, ticks: str) -> bool:
    """A closing fence: only the fence character, at least as many as opened."""
    stripped = line.strip()
    return len(stripped) >= len(ticks) and stripped == ticks[0] * len(stripped)
