"""Proposed changes: extract them from review text, match them safely, apply them undoably.

Public calls::

    patch = extract_answer(text, root, incomplete=False)    # -> Patch (every front door's call)
    patch = extract_changes(text, root, incomplete=False)   # -> Patch (markdown or diff text)
    the_plan = plan(patch, root, base=None, allowed=None)   # -> ApplyPlan (nothing written)
    report = apply(the_plan, root, accepted=None, partial=False, dry_run=False, message="",
                   consent=True)
    flags = classify_targets(paths, allowed=None)           # writes that need consent (policy)
"""

from architect_tui.patch.answer import Answer, extract_answer, read_answer
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
from architect_tui.patch.policy import TargetFlag, classify_targets, runs_code

__all__ = [
    "Answer",
    "ApplyPlan",
    "ApplyReport",
    "FilePatch",
    "FilePlan",
    "FileReport",
    "Hunk",
    "HunkResult",
    "Patch",
    "TargetFlag",
    "apply",
    "classify_targets",
    "extract_answer",
    "extract_changes",
    "plan",
    "read_answer",
    "runs_code",
    "sha256",
]
