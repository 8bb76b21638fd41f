"""The changes a review proposes, read with the same extraction ``architect apply`` uses.

There is one reader of proposed changes: :func:`architect_tui.patch.extract_answer`. The TUI's
changes view, ``architect apply`` and the review's own ``changes`` field all go through it, so a
diff in a ```python fence, an unfenced diff, a SEARCH/REPLACE block or the last complete hunk of
an answer cut at max_tokens is offered everywhere or nowhere. A second, narrower reader (only
```diff fences) is how the changes view once missed a tenth of what ``apply`` applied.

``Review.changes`` (the ``changes`` field of ``architect review --format json``) is the extracted
patch written back as a unified diff: complete hunks only, refused paths left out.
"""

from __future__ import annotations

from pathlib import Path

from architect_tui.patch import (
    ApplyPlan,
    FilePatch,
    Hunk,
    Patch,
    extract_answer,
    extract_changes,
    plan,
)
from architect_tui.review.model import Review


def proposed_patch(review: Review, root: Path) -> Patch:
    """Every change ``review`` proposes, paths checked against ``root`` (nothing read or written
    beyond path checks).

    The whole answer is read (prose, fences of any language, SEARCH/REPLACE), not only the
    ``changes`` text; a saved review whose markdown holds no change falls back to it.
    """
    patch = extract_answer(review.markdown, root, incomplete=review.incomplete)
    if not patch.files and review.changes.strip():
        patch = extract_changes(review.changes, root, incomplete=review.incomplete)
    return patch


def plan_proposed(review: Review, root: Path) -> ApplyPlan:
    """Match the review's changes against the files as they are now (nothing written).

    Blocking (reads and diffs files): a UI runs it in a thread.
    """
    return plan(proposed_patch(review, root), root)


def has_cut_hunk(patch: Patch) -> bool:
    """The answer was cut while a hunk was being written (that hunk is never offered)."""
    return any(not h.complete for f in patch.files for h in f.hunks)


def render_patch(patch: Patch, root: Path) -> str:
    """The patch's complete hunks as unified diff text (git-style headers), or "".

    SEARCH/REPLACE hunks carry no line numbers; they are numbered where their old text first
    occurs in the file today (line 1 when it does not occur: the matcher will say so).
    """
    out: list[str] = []
    for fp in patch.files:
        if fp.refused or not fp.path:
            continue
        hunks = [h for h in fp.hunks if h.complete]
        if not hunks and fp.kind != "rename":
            continue
        out.extend(_file_header(fp, bool(hunks)))
        file_lines: list[str] | None = None
        for hunk in hunks:
            start = hunk.old_start
            if start is None:
                if file_lines is None:
                    file_lines = _read_lines(root, fp.old_path or fp.path)
                start = _first_occurrence(file_lines, hunk.old_lines)
            out.extend(_hunk_lines(hunk, start, fp.kind))
    return "".join(line + "\n" for line in out)


def _file_header(fp: FilePatch, with_hunks: bool) -> list[str]:
    old = fp.old_path or fp.path
    new = fp.new_path or fp.path
    lines = [] if fp.kind == "modify" else [f"diff --git a/{old} b/{new}"]
    if fp.kind == "new":
        lines.append("new file mode 100644")
    elif fp.kind == "delete":
        lines.append("deleted file mode 100644")
    elif fp.kind == "rename":
        lines += [f"rename from {old}", f"rename to {new}"]
    if with_hunks:
        lines.append("--- /dev/null" if fp.kind == "new" else f"--- a/{old}")
        lines.append("+++ /dev/null" if fp.kind == "delete" else f"+++ b/{new}")
    return lines


def _hunk_lines(hunk: Hunk, start: int, kind: str) -> list[str]:
    old_count = len(hunk.old_lines)
    new_count = len(hunk.new_lines)
    old_start = 0 if kind == "new" else start
    new_start = hunk.new_start if hunk.new_start is not None else start
    if kind == "delete":
        new_start = 0
    lines = [f"@@ -{old_start},{old_count} +{new_start},{new_count} @@"]
    lines += hunk.lines
    if hunk.no_newline_old or hunk.no_newline_new:
        lines.append("\\ No newline at end of file")
    return lines


def _read_lines(root: Path, rel: str) -> list[str]:
    try:
        return (root / rel).read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _first_occurrence(lines: list[str], needle: list[str]) -> int:
    if not needle:
        return 1
    size = len(needle)
    for i in range(len(lines) - size + 1):
        if lines[i : i + size] == needle:
            return i + 1
    return 1
