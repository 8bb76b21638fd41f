"""Proposed changes: extract them from review text, match them safely, apply them undoably.

Public calls::

    patch = extract_changes(text, root, incomplete=False)   # -> Patch
    the_plan = plan(patch, root, base=None)                 # -> ApplyPlan (nothing written)
    report = apply(the_plan, root, accepted=None, partial=False, dry_run=False, message="")
"""

from architect_tui.patch.apply import apply
from architect_tui.patch.extract import extract_changes
from architect_tui.patch.model import (
    ApplyPlan,
    ApplyReport,
    FilePatch,
    FilePlan,
    FileReport,
    Hunk,
    HunkResult,
    Patch,
)
from architect_tui.patch.plan import plan, sha256

__all__ = [
    "ApplyPlan",
    "ApplyReport",
    "FilePatch",
    "FilePlan",
    "FileReport",
    "Hunk",
    "HunkResult",
    "Patch",
    "apply",
    "extract_changes",
    "plan",
    "sha256",
]
