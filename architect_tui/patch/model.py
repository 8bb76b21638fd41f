"""Plain values for proposed changes: extracted (Patch), matched (ApplyPlan), written (ApplyReport)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

FileKind = Literal["new", "modify", "delete", "rename"]
HunkStatus = Literal["exact", "offset", "fuzzy", "already_applied", "failed"]
FileStatus = Literal["applied", "would_apply", "failed", "refused", "unchanged"]


@dataclass(slots=True)
class Hunk:
    """One hunk as the model wrote it. ``lines`` are diff body lines: ``' x'``, ``'-x'``, ``'+x'``.

    The stated numbers are hints only: counts are recomputed from ``lines``.
    """

    header: str
    lines: list[str]
    old_start: int | None = None  # None for SEARCH/REPLACE blocks (no line number given)
    old_count: int | None = None
    new_start: int | None = None
    new_count: int | None = None
    complete: bool = True  # False: the answer was cut while this hunk was being written
    no_newline_old: bool = False  # "\ No newline at end of file" after the old side
    no_newline_new: bool = False
    source: Literal["diff", "search_replace"] = "diff"

    @property
    def old_lines(self) -> list[str]:
        return [ln[1:] for ln in self.lines if ln[:1] in (" ", "-")]

    @property
    def new_lines(self) -> list[str]:
        return [ln[1:] for ln in self.lines if ln[:1] in (" ", "+")]

    @property
    def added(self) -> int:
        return sum(1 for ln in self.lines if ln.startswith("+"))

    @property
    def removed(self) -> int:
        return sum(1 for ln in self.lines if ln.startswith("-"))


@dataclass(slots=True)
class FilePatch:
    """The changes to one file. ``path`` is the file written (the new path of a rename)."""

    path: str
    kind: FileKind = "modify"
    old_path: str | None = None
    new_path: str | None = None
    hunks: list[Hunk] = field(default_factory=list)
    refused: str | None = None
    raw_path: str = ""  # the path exactly as the model wrote it


@dataclass(slots=True)
class Patch:
    files: list[FilePatch] = field(default_factory=list)
    incomplete: bool = False

    @property
    def hunk_count(self) -> int:
        return sum(len(f.hunks) for f in self.files)


@dataclass(slots=True)
class HunkResult:
    """Where (and whether) a hunk matches the file as it is now."""

    index: int  # 1-based within its file
    status: HunkStatus
    line: int | None = None  # 1-based first line of the matched old block in the current file
    offset: int = 0  # line - stated line
    score: float = 0.0
    reason: str | None = None
    reanchored: bool = False  # the file changed since the review was asked
    diff: str = ""  # unified diff of this hunk against the real file, for preview
    hunk: Hunk | None = None
    needs: list[int] = field(default_factory=list)  # other hunks (1-based) it cannot go without

    @property
    def ok(self) -> bool:
        """Not a failure: it applies, or it is already in the file."""
        return self.status != "failed"

    @property
    def actionable(self) -> bool:
        """Something to accept and write (an already applied hunk is nothing to do)."""
        return self.status in ("exact", "offset", "fuzzy")

    @property
    def needs_reason(self) -> str | None:
        """What to tell a user who accepts this hunk alone (None when it stands on its own)."""
        if not self.needs:
            return None
        others = " and ".join(f"hunk {i}" for i in self.needs)
        return f"needs {others} (a name it uses comes from there): take both or neither"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "index": self.index,
            "status": self.status,
            "line": self.line,
            "offset": self.offset,
            "score": round(self.score, 3),
            "reason": self.reason,
        }
        if self.needs:
            out["needs"] = list(self.needs)
        return out


@dataclass(slots=True)
class FilePlan:
    """One file's matched change: ``new_bytes`` is the whole file after every matching hunk."""

    path: str
    kind: FileKind
    status: Literal["ready", "failed", "refused", "unchanged"]
    hunks: list[HunkResult] = field(default_factory=list)
    reason: str | None = None
    old_path: str | None = None
    old_bytes: bytes | None = None  # None: the file does not exist yet
    new_bytes: bytes | None = None  # None: the file is deleted (or nothing computed)
    old_mode: int | None = None
    reanchored: bool = False
    file_patch: FilePatch | None = None
    warnings: list[str] = field(default_factory=list)  # what the user should know before writing
    # why writing this file needs the user's explicit consent (policy.classify_targets): empty
    # when it does not; "accept all" and a headless apply without consent leave it alone
    consent: list[str] = field(default_factory=list)

    @property
    def diff(self) -> str:
        """A unified diff of the whole file, computed when asked (a whole-file diff of a file
        with thousands of hunks costs more than matching them: the preview shows hunk diffs)."""
        from architect_tui.patch.plan import whole_diff

        if self.status == "refused" or (self.old_bytes is None and self.new_bytes is None):
            return ""
        return whole_diff(self.path, self.old_bytes, self.new_bytes, self.old_path)

    @property
    def hunk_keys(self) -> list[tuple[str, int]]:
        return [(self.path, h.index) for h in self.hunks]


@dataclass(slots=True)
class ApplyPlan:
    root: Path
    files: list[FilePlan] = field(default_factory=list)
    incomplete: bool = False

    @property
    def all_ok(self) -> bool:
        return all(f.status in ("ready", "unchanged") for f in self.files) and all(
            h.ok for f in self.files for h in f.hunks
        )

    def applicable(self) -> set[tuple[str, int]]:
        """Keys of every hunk that matched and changes something, in a file that is not refused.

        A file change without hunks (a pure rename) is keyed ``(path, 0)``. Hunks already in the
        file are left out: there is nothing to accept.
        """
        keys = {
            (f.path, h.index)
            for f in self.files
            if f.status in ("ready", "failed")
            for h in f.hunks
            if h.actionable
        }
        keys |= {(f.path, 0) for f in self.files if f.status == "ready" and not f.hunks}
        return keys


@dataclass(slots=True)
class FileReport:
    path: str
    status: FileStatus
    hunks: list[HunkResult] = field(default_factory=list)
    reason: str | None = None
    applied_hunks: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "status": self.status,
            "hunks": [h.to_json() for h in self.hunks],
            "reason": self.reason,
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


@dataclass(slots=True)
class ApplyReport:
    """The ``architect apply --json`` contract (DESIGN.md section 4), plus ``reason``."""

    applied: bool
    checkpoint: str | None
    files: list[FileReport] = field(default_factory=list)
    dry_run: bool = False
    reason: str | None = None

    @property
    def all_ok(self) -> bool:
        return all(f.status in ("applied", "would_apply", "unchanged") for f in self.files) and all(
            h.ok for f in self.files for h in f.hunks
        )

    @property
    def exit_code(self) -> int:
        return 0 if self.all_ok and self.reason is None else 1

    def to_json(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "checkpoint": self.checkpoint,
            "files": [f.to_json() for f in self.files],
        }
