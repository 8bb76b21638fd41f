"""The findings of one answer as a list: severity first, colour-coded, local ones marked.

A finding is a pointer into the code, so the list's only job is to say which one the user chose;
the panel turns that into ``ReviewPanel.FindingSelected`` for the screen that owns the code view.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from architect_tui.review.model import Finding, severity_rank
from architect_tui.ui.review._css import sibling_tcss

# Theme variables, so the colours follow the user's theme instead of fixed hues.
SEVERITY_STYLE: dict[str, str] = {
    "critical": "bold $text-error",
    "high": "$text-error",
    "medium": "$text-warning",
    "low": "$text-accent",
    "info": "$text-muted",
}


def is_project_path(file: str | None) -> bool:
    """A relative path that stays inside the project: the only kind worth jumping to.

    The model's locations are hostile input (DESIGN.md: nothing the model says is trusted), so
    ``/etc/passwd`` or ``../../x`` is listed but cannot be chosen.
    """
    if not file or "\\" in file or file.startswith("~"):
        return False
    path = PurePosixPath(file)
    return not path.is_absolute() and ".." not in path.parts and ":" not in path.parts[0]


def finding_location(finding: Finding) -> str:
    """``path:line``, ``path`` or ``n/a``: how the answer format writes a location."""
    if not finding.file:
        return "n/a"
    return f"{finding.file}:{finding.line}" if finding.line else finding.file


def finding_prompt(finding: Finding) -> Content:
    """One option: ``HIGH  security  SQL built from input  shop/views.py:42  local AR103``."""
    style = SEVERITY_STYLE.get(finding.severity, "")
    parts: list[str | Content | tuple[str, str]] = [
        (f"{finding.severity.upper():<8}", style),
        (f" {finding.category:<11} ", "$text-muted"),
        finding.title,
        (f"  {finding_location(finding)}", "underline" if finding.file else "$text-muted"),
    ]
    if finding.source == "local":
        parts.append((f"  local {finding.rule or ''}".rstrip(), "italic $text-secondary"))
    return Content.assemble(*parts)


class FindingsList(OptionList):
    """Findings sorted by severity; those without a project file are shown but cannot be chosen."""

    DEFAULT_CSS = sibling_tcss(__file__)

    def __init__(self, findings: Sequence[Finding], *, id: str | None = None) -> None:
        ordered = sorted(findings, key=lambda f: severity_rank(f.severity))
        self.findings: list[Finding] = ordered
        options = [
            Option(finding_prompt(f), id=f"finding-{i}", disabled=not is_project_path(f.file))
            for i, f in enumerate(ordered)
        ]
        super().__init__(*options, id=id, classes="findings")

    def finding_at(self, index: int) -> Finding:
        """The finding shown at ``index`` (the list's order, not the answer's)."""
        return self.findings[index]
