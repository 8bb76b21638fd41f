"""The route-level diff of files edited in place: what an apply did to the app's routes.

After an apply the user wants proof that a refactor kept the routes (or that a fix changed only
the one it meant to). The apply's checkpoint holds each file's bytes before and after; this
module turns them into a change source for :func:`architect_tui.analysis.routediff.diff_change`:
the base is the project with those files as they were, the head is the disk now. No git needed
(a checkpoint also lives in a plain folder), and nothing is written.

Edits are any objects with ``path``, ``before`` and ``after`` (bytes or None):
``vcs.model.FileChange`` is one; analysis does not import vcs.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from architect_tui.analysis.routediff import RouteDiff, diff_change
from architect_tui.analysis.sources import list_python_files

Range = tuple[int, int]
BEFORE_APPLY = "before the apply"
WORKING_TREE = "working tree"


class Edit(Protocol):
    path: str
    before: bytes | None
    after: bytes | None


@dataclass(frozen=True, slots=True)
class EditedFile:
    """One edited file with the line ranges a route diff needs (as ``ChangedFile`` has them)."""

    path: str
    old_path: str | None
    status: str  # added | deleted | modified
    added: tuple[Range, ...]
    removed: tuple[Range, ...]
    diff: str


def _lines(data: bytes | None) -> list[str]:
    return [] if data is None else data.decode("utf-8", "replace").splitlines(keepends=True)


def _ranges(numbers: Iterable[int]) -> tuple[Range, ...]:
    out: list[list[int]] = []
    for n in numbers:
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return tuple((a, b) for a, b in out)


def edited_file(edit: Edit) -> EditedFile:
    """Line ranges from the two versions' opcodes, and a unified diff to show."""
    old, new = _lines(edit.before), _lines(edit.after)
    added: list[int] = []
    removed: list[int] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            removed.extend(range(i1 + 1, i2 + 1))
        if tag in ("replace", "insert"):
            added.extend(range(j1 + 1, j2 + 1))
    status = "added" if edit.before is None else "deleted" if edit.after is None else "modified"
    diff = "".join(
        difflib.unified_diff(old, new, f"a/{edit.path}", f"b/{edit.path}", lineterm="\n")
    )
    old_path = None if edit.before is None else edit.path
    return EditedFile(edit.path, old_path, status, _ranges(added), _ranges(removed), diff)


@dataclass(slots=True)
class EditedFiles:
    """A change source (see ``routediff.ChangeSource``): the project before these edits
    (their ``before`` bytes, every other file from disk) against the disk now."""

    root: Path
    edits: Sequence[Edit]
    base: str = BEFORE_APPLY
    head: str | None = None
    files: list[EditedFile] = field(default_factory=list)
    cache_kind: str = "pre-apply"  # the map before an apply gets its own cache slot

    def __post_init__(self) -> None:
        self.files = [edited_file(e) for e in self.edits]

    @property
    def head_label(self) -> str:
        return WORKING_TREE

    def base_files(self) -> list[str]:
        now = set(list_python_files(self.root).files)
        created = {e.path for e in self.edits if e.before is None}
        deleted = {e.path for e in self.edits if e.after is None and e.before is not None}
        return sorted((now - created) | deleted)

    def head_files(self) -> list[str] | None:
        return None  # the disk

    def read_base(self, rel: str) -> bytes | None:
        for e in self.edits:
            if e.path == rel:
                return e.before
        return self.read_head(rel)

    def read_head(self, rel: str) -> bytes | None:
        try:
            return (self.root / rel).read_bytes()
        except OSError:
            return None


def diff_edits(root: Path, edits: Sequence[Edit]) -> RouteDiff:
    """What ``edits`` (an apply's files) did to the routes of the project at ``root``."""
    root = Path(root).resolve()
    diff, _, _ = diff_change(root, EditedFiles(root, edits))
    return diff


def summary(diff: RouteDiff) -> str:
    """One sentence for a status line: "routes unchanged", or what moved, with examples."""
    if not (diff.added or diff.removed or diff.changed):
        code = len(diff.code_changed)
        return "routes unchanged" + (f" ({code} with changed code)" if code else "")
    parts = []
    if diff.added:
        parts.append(f"{len(diff.added)} added ({', '.join(r.endpoint for r in diff.added[:3])})")
    if diff.removed:
        names = ", ".join(r.endpoint for r in diff.removed[:3])
        parts.append(f"{len(diff.removed)} removed ({names})")
    if diff.changed:
        first = diff.changed[0]
        parts.append(
            f"{len(diff.changed)} changed ({first.after.endpoint}: {', '.join(first.fields)})"
        )
    return "routes: " + "; ".join(parts)
