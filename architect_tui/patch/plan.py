"""Planning: match every hunk against the files as they are now, without writing anything.

The plan holds, per file, the current bytes, the new bytes, a result per hunk and a unified diff
for the preview. ``apply`` writes from a plan; the TUI shows one.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
from collections.abc import Collection
from pathlib import Path

from architect_tui.analysis.pycheck import MAX_SOURCE_CHARS
from architect_tui.patch.compute import run_hunks
from architect_tui.patch.deps import hunk_needs, introduced, is_python, judge
from architect_tui.patch.match import CONTROL, ELIDED_COMMENT, REDACTION
from architect_tui.patch.model import ApplyPlan, FilePatch, FilePlan, Hunk, HunkResult, Patch
from architect_tui.patch.policy import classify_targets
from architect_tui.vcs.atomic import file_mode
from architect_tui.vcs.paths import resolve_inside
from architect_tui.vcs.textfile import DecodeRefused, TextFile, decode, new_text_file

#: Project files larger than this are not patched (a model's hunk for a 20 MB file is a mistake,
#: and matching and checking it would cost memory for nothing).
MAX_FILE_BYTES = 16_000_000


def sha256(data: bytes) -> str:
    """The fingerprint ``base`` uses: a file's content when the review was asked."""
    return hashlib.sha256(data).hexdigest()


def check_result(
    path: str,
    before: str | None,
    after: str,
    kept: set[int] | None = None,
    hunks: list[Hunk] | None = None,
) -> tuple[str | None, list[str]]:
    """(why the result must not be written, warnings) for a Python file (other files: none).

    The shared validator guards before any parser (deep nesting crashes parsers), then parses
    and runs pyflakes; only what the change *adds* counts, so an imperfect file does not block a
    good change. ``kept``/``hunks``: which of the file's hunks the result holds, so that a name
    brought by a hunk left out (not accepted, or failed) refuses the subset (:func:`judge`).
    """
    problems = introduced(path, before, after)
    all_hunks = hunks or []
    return judge(
        problems, kept if kept is not None else set(range(1, len(all_hunks) + 1)), all_hunks
    )


def whole_diff(path: str, old: bytes | None, new: bytes | None, old_path: str | None = None) -> str:
    """A readable unified diff of the whole file for the preview (decoded leniently)."""

    def lines(data: bytes | None) -> list[str]:
        if data is None:
            return []
        return data.decode("utf-8", "replace").splitlines(keepends=True)

    a = f"a/{old_path or path}" if old is not None else "/dev/null"
    b = f"b/{path}" if new is not None else "/dev/null"
    out = difflib.unified_diff(lines(old), lines(new), a, b)
    return "".join(x if x.endswith("\n") else x + "\n\\ No newline at end of file\n" for x in out)


def _refused(fp: FilePatch, reason: str, **kw: object) -> FilePlan:
    hunks = [
        HunkResult(i, "failed", reason=reason, hunk=h) for i, h in enumerate(fp.hunks, start=1)
    ]
    return FilePlan(
        fp.path, fp.kind, "refused", hunks, reason, old_path=fp.old_path, file_patch=fp, **kw
    )  # type: ignore[arg-type]


def read_text(root: Path, rel: str) -> tuple[bytes | None, TextFile | None, int | None, str | None]:
    """(bytes, decoded, mode, refusal) for an existing project file."""
    check = resolve_inside(root, rel)
    if check.path is None:
        return None, None, None, check.reason
    try:
        info = check.path.stat()
    except OSError as exc:
        return None, None, None, f"cannot read {rel}: {exc.strerror or exc}"
    if not stat.S_ISREG(info.st_mode):  # a FIFO would hang the read, a device never end
        return None, None, None, f"not a regular file: {rel}"
    if is_python(rel) and info.st_size > MAX_SOURCE_CHARS * 4:
        # the result could never pass the validator's size guard: do not match it at all
        return None, None, None, f"{rel} is {info.st_size / 1e6:.0f} MB: too large to patch"
    if info.st_size > MAX_FILE_BYTES:
        return None, None, None, f"{rel} is {info.st_size / 1e6:.0f} MB: too large to patch"
    try:
        data = check.path.read_bytes()
    except OSError as exc:
        return None, None, None, f"cannot read {rel}: {exc.strerror or exc}"
    try:
        tf = decode(data, python=is_python(rel))
    except DecodeRefused as exc:
        return data, None, file_mode(check.path), f"{rel}: {exc}"
    return data, tf, file_mode(check.path), None


def _new_file(fp: FilePatch, root: Path) -> FilePlan:
    for h in fp.hunks:
        if not h.complete:
            return _refused(fp, "the answer was cut while this file was being written")
        if any(not ln.startswith("+") for ln in h.lines):
            return _refused(fp, "a new file's hunk has context or removed lines")
    added = [ln[1:] for h in fp.hunks for ln in h.lines]
    if any(REDACTION.search(a) for a in added):
        return _refused(fp, "the new file would contain a redaction placeholder («REDACTED:N»)")
    if any(ELIDED_COMMENT.match(a) for a in added):
        return _refused(fp, "the new file elides code ('...', 'rest unchanged')")
    if any(CONTROL.search(a) for a in added):
        return _refused(fp, "the new file would hold a NUL or control character")
    no_nl = bool(fp.hunks) and fp.hunks[-1].no_newline_new
    tf = new_text_file(added, final_newline=not no_nl)
    data = tf.encode()
    check = resolve_inside(root, fp.path)
    if check.path is None:
        return _refused(fp, check.reason or "path refused")
    results = [
        HunkResult(i, "exact", line=0, score=1.0, hunk=h) for i, h in enumerate(fp.hunks, start=1)
    ]
    if os.path.lexists(check.path) and not check.path.is_file():
        return _refused(fp, f"something that is not a regular file is already there: {fp.path}")
    if check.path.exists():
        if check.path.read_bytes() == data:
            return FilePlan(
                fp.path,
                "new",
                "unchanged",
                results,
                "the file already has this content",
                file_patch=fp,
                old_bytes=data,
                new_bytes=data,
            )
        return _refused(fp, f"file already exists: {fp.path}")
    error, warnings = check_result(fp.path, None, tf.text)
    if error:
        return _refused(fp, error)
    return FilePlan(
        fp.path,
        "new",
        "ready",
        results,
        new_bytes=data,
        file_patch=fp,
        warnings=warnings,
    )


def _delete(fp: FilePatch, root: Path) -> FilePlan:
    data, tf, mode, why = read_text(root, fp.path)
    if why or tf is None:
        return _refused(fp, why or "cannot read")
    if not fp.hunks:
        return _refused(fp, "a deletion must show the file's content to be checked")
    old = [ln[1:] for h in fp.hunks for ln in h.lines if ln[:1] in " -"]
    if any(ln.startswith("+") for h in fp.hunks for ln in h.lines) or [x.rstrip() for x in old] != [
        x.rstrip() for x in tf.lines
    ]:
        return _refused(fp, "the deleted content does not match the file")
    results = [
        HunkResult(i, "exact", line=1, score=1.0, hunk=h) for i, h in enumerate(fp.hunks, start=1)
    ]
    return FilePlan(
        fp.path, "delete", "ready", results, old_path=fp.path, old_bytes=data, old_mode=mode,
        file_patch=fp,
    )  # fmt: skip


def plan_file(
    fp: FilePatch, root: Path, base: dict[str, str] | None = None, only: set[int] | None = None
) -> FilePlan:
    """Match one file's hunks (all, or the 1-based indices in ``only``)."""
    if fp.refused:
        return _refused(fp, fp.refused)
    if fp.kind == "new":
        return _new_file(fp, root)
    if fp.kind == "delete":
        return _delete(fp, root)
    src = fp.old_path or fp.path
    data, tf, mode, why = read_text(root, src)
    if why or tf is None or data is None:
        return _refused(fp, why or "cannot read", old_bytes=data)
    if fp.kind == "rename" and resolve_inside(root, fp.path).path is None:
        return _refused(fp, resolve_inside(root, fp.path).reason or "path refused")
    reanchored = bool(base) and src in base and base[src] != sha256(data)  # type: ignore[operator]
    result = run_hunks(fp, tf, only)
    for h in result.hunks:
        h.reanchored = reanchored
    failed = [h for h in result.hunks if not h.ok]
    if result.text_file is None:
        return _refused(fp, "no content could be computed", old_bytes=data)
    try:
        new_bytes = result.text_file.encode()
    except UnicodeEncodeError as exc:
        return _refused(
            fp, f"the new text cannot be written as {tf.encoding}: {exc.reason}", old_bytes=data
        )
    applied = [h for h in result.hunks if h.ok]
    status = "failed" if failed else "ready"
    reason = failed[0].reason if failed else None
    warnings: list[str] = []
    if any(h.actionable for h in applied):
        kept = {h.index for h in result.hunks if h.ok}
        error, warnings = check_result(fp.path, tf.text, result.text_file.text, kept, fp.hunks)
        if error:
            plan = _refused(fp, error, old_bytes=data)
            plan.hunks = result.hunks
            return plan
        changing = {h.index for h in result.hunks if h.actionable}
        if not failed and only is None:
            for index, needed in hunk_needs(fp, tf, changing).items():
                result.hunks[index - 1].needs = needed
    if not failed and new_bytes == data and fp.kind != "rename":
        status = "unchanged"
        if result.hunks and all(h.status == "already_applied" for h in result.hunks):
            reason = "every change is already in the file"
    return FilePlan(
        fp.path,
        fp.kind,
        status,  # type: ignore[arg-type]
        result.hunks,
        reason,
        old_path=src,
        old_bytes=data,
        new_bytes=new_bytes,
        old_mode=mode,
        reanchored=reanchored,
        file_patch=fp,
        warnings=warnings,
    )


def plan(
    patch: Patch,
    root: Path,
    *,
    base: dict[str, str] | None = None,
    allowed: Collection[str] | None = None,
) -> ApplyPlan:
    """Match every hunk of ``patch`` against the files under ``root``; nothing is written.

    ``base`` maps a path to the sha256 of its content when the review was asked: a file that
    changed since is re-anchored (matched by content) and its hunks say ``reanchored``.
    ``allowed``: the selection's files and its related context, when known; a target outside
    them, or one that runs code on its own (CI, conftest.py, setup.py...), carries ``consent``
    reasons and a warning (:mod:`architect_tui.patch.policy`).
    """
    root = Path(root)
    files = [plan_file(fp, root, base) for fp in patch.files]
    flags = classify_targets(
        [p for f in files if f.status != "refused" for p in (f.path, f.old_path) if p], allowed
    )
    for f in files:
        for path in dict.fromkeys(p for p in (f.path, f.old_path) if p):
            for flag in flags.get(path, []):
                f.consent.append(str(flag))
                f.warnings.append(str(flag))
    return ApplyPlan(root, files, patch.incomplete)
