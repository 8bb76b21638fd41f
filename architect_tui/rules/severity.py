"""The severity scale shared by rules, findings and the ``check`` gate.

It lives here, at the lowest layer that ranks findings, so that the rules never import the
review layer above them; ``review.model`` re-exports it for the LLM's findings.
"""

from __future__ import annotations

from typing import Literal

FindingSeverity = Literal["critical", "high", "medium", "low", "info"]
SEVERITIES: tuple[FindingSeverity, ...] = ("critical", "high", "medium", "low", "info")


def severity_rank(severity: str) -> int:
    """0 for critical .. 4 for info; unknown severities sort last."""
    try:
        return SEVERITIES.index(severity)  # type: ignore[arg-type]
    except ValueError:
        return len(SEVERITIES)
