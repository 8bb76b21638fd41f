"""The offline architect: the same ``Review`` as the LLM, from local rules.

Placeholder signature so the review command and the TUI can be written against it while the rules
are built (issue 6); ``offline_review`` is implemented in this module by that work.
"""

from __future__ import annotations

from architect_tui.analysis.model import ProjectMap
from architect_tui.analysis.selection import Selection
from architect_tui.config import Settings
from architect_tui.review.model import Review


def offline_review(
    project: ProjectMap, selection: Selection | None, settings: Settings, lens: str = "full"
) -> Review:
    """Run the local rules over the selection (or the whole project when None)."""
    raise NotImplementedError("the offline rules are not built yet")
