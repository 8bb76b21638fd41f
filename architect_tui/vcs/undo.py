"""Undo the latest apply byte for byte, list checkpoints, and commit an apply on request.

Undo runs under the project lock, like apply. A checkpoint is read as hostile input: a path or
prefix that leads out of the project refuses the whole undo. A file whose bytes or mode differ
from what the apply left was edited since: undo refuses (writes nothing) and names it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from architect_tui.vcs.atomic import atomic_write, file_mode, remove_file
from architect_tui.vcs.leftovers import clean_leftovers
from architect_tui.vcs.lock import LockError, project_lock
from architect_tui.vcs.model import Checkpoint, CommitReport, FileChange, UndoFile, UndoReport
from architect_tui.vcs.paths import resolve_inside
from architect_tui.vcs.repostate import operation_in_progress
from architect_tui.vcs.state import scratch_dir
from architect_tui.vcs.store import BadCheckpoint, find_repo, open_store

# (what the report says, where to write, bytes to write or None to delete, mode)
_Step = tuple[UndoFile, Path | None, bytes | None, int | None]


def list_checkpoints(root: Path, limit: int | None = None) -> list[Checkpoint]:
    """The checkpoints of ``root``, newest first."""
    return open_store(Path(root)).chain(limit)


def _current(path: Path | None) -> bytes | None:
    if path is None or not path.is_file():
        return None
    return path.read_bytes()


def undo(root: Path) -> UndoReport:
    """Restore the files of the latest checkpoint, or nothing at all.

    A file already holding its old bytes (an apply that stopped half way) is left alone.
    """
    root = Path(root)
    try:
        with project_lock(root, "undo"):
            clean_leftovers(root)
            return _undo(root)
    except LockError as exc:
        return UndoReport(False, None, reason=str(exc))


def undo_through(root: Path, checkpoint_id: str) -> list[UndoReport]:
    """Undo the latest checkpoints one by one until ``checkpoint_id`` itself is undone.

    For a chain of applies (a fix, a failed verification, a fix of the fix...) that the user
    wants gone as a whole. Stops at the first checkpoint that cannot be undone (a file edited
    since): the reports say how far it got. An unknown id undoes nothing.
    """
    root = Path(root)
    try:
        with project_lock(root, "undo"):
            clean_leftovers(root)
            ids = [c.id for c in open_store(root).chain()]
            if checkpoint_id not in ids:
                return [UndoReport(False, None, reason=f"no checkpoint {checkpoint_id} to undo")]
            reports: list[UndoReport] = []
            for _ in range(ids.index(checkpoint_id) + 1):
                reports.append(_undo(root))
                if not reports[-1].undone:
                    break
            return reports
    except LockError as exc:
        return [UndoReport(False, None, reason=str(exc))]


def _plan_file(base: Path, f: FileChange) -> tuple[_Step, bool]:
    """What undo does to one file, and whether it blocks the undo (edited since, unsafe)."""
    check = resolve_inside(base, f.path)
    if check.path is None:
        return (UndoFile(f.path, "changed", check.reason), None, None, None), True
    now = _current(check.path)
    mode = file_mode(check.path) if now is not None else None
    if now == f.after and now is not None and f.after_mode is not None and mode != f.after_mode:
        reason = f"its mode changed since the apply ({f.after_mode:o} -> {mode:o})"
        return (UndoFile(f.path, "changed", reason), None, None, None), True
    if now == f.after:
        status = "removed" if f.before is None else "restored"
        return (UndoFile(f.path, status), check.path, f.before, f.before_mode), False
    if now == f.before:
        return (
            UndoFile(f.path, "unchanged", "already holds its old content"),
            None,
            None,
            None,
        ), False
    return (UndoFile(f.path, "changed", "edited since the apply"), None, None, None), True


def _undo(root: Path) -> UndoReport:
    store = open_store(root)
    chain = store.chain(limit=2)
    if not chain:
        return UndoReport(False, None, reason="nothing to undo")
    cp = chain[0]
    remaining = len(store.chain()) - 1
    try:
        if cp.problem:
            raise BadCheckpoint(cp.problem)
        base = store.base_for(cp)  # a git checkpoint may come from another folder of the repo
    except BadCheckpoint as exc:
        reason = f"checkpoint {cp.id} cannot be restored safely: {exc}; nothing was written"
        return UndoReport(False, cp.id, reason=reason, remaining=remaining + 1)
    plan: list[_Step] = []
    changed = False
    for f in cp.files:
        step, blocks = _plan_file(base, f)
        plan.append(step)
        changed = changed or blocks
    if changed:
        files = [
            item[0] if item[0].status == "changed" else UndoFile(item[0].path, "skipped")
            for item in plan
        ]
        names = ", ".join(f.path for f in files if f.status == "changed")
        return UndoReport(
            False, cp.id, files, reason=f"changed since the apply: {names}", remaining=remaining + 1
        )
    report = UndoReport(True, cp.id, remaining=remaining)
    tmp = scratch_dir(root)
    for item, path, before, mode in plan:
        if path is None:
            report.files.append(item)
            continue
        try:
            if before is None:
                remove_file(path)
            else:
                atomic_write(path, before, mode if mode is not None else file_mode(path), tmp)
        except OSError as exc:
            report.undone = False
            report.reason = f"{item.path}: {exc.strerror or exc}"
            report.files.append(UndoFile(item.path, "failed", report.reason))
            continue
        report.files.append(item)
    if not report.undone:
        return report
    for f in cp.files:  # remove the folders the apply created, if they are empty again
        for rel in reversed(f.created_dirs):
            check = resolve_inside(base, rel + "/_")  # the folder itself must be inside too
            if check.path is not None:
                with contextlib.suppress(OSError):
                    check.path.parent.rmdir()
    store.drop_latest()
    return report


def commit_applied(root: Path, message: str) -> CommitReport:
    """Commit the files of the latest checkpoint (only when the user asks).

    Uses ``git commit --only`` semantics on those paths, so anything else the user staged stays
    staged and out of this commit. The repository state is checked first: during a merge,
    rebase, cherry-pick or revert nothing is staged and the commit is refused.
    """
    root = Path(root)
    repo = find_repo(root)
    if repo is None:
        return CommitReport(False, reason="not a git repository")
    try:
        with project_lock(root, "commit"):  # the latest checkpoint stays the one we commit
            return _commit(root, repo, message)
    except LockError as exc:
        return CommitReport(False, reason=str(exc))


def _commit(root: Path, repo: Any, message: str) -> CommitReport:
    busy = operation_in_progress(repo)
    if busy:
        return CommitReport(
            False, reason=f"{busy} is in progress: finish or abort it first (nothing was staged)"
        )
    store = open_store(root)
    chain = store.chain(limit=1)
    if not chain:
        return CommitReport(False, reason="nothing applied to commit")
    try:
        if chain[0].problem:
            raise BadCheckpoint(chain[0].problem)
        base = store.base_for(chain[0])
    except BadCheckpoint as exc:
        return CommitReport(False, reason=f"the latest checkpoint is not usable: {exc}")
    paths = [str(base.joinpath(*f.path.split("/"))) for f in chain[0].files]
    try:
        existing = [p for p in paths if Path(p).exists()]
        if existing:
            repo.git.add("--", *existing)
        repo.git.commit("-m", message or "Apply architect changes", "--only", "--", *paths)
    except Exception as exc:  # git's own message is the clearest explanation
        return CommitReport(False, reason=str(exc).strip().splitlines()[-1])
    return CommitReport(True, sha=repo.head.commit.hexsha)
