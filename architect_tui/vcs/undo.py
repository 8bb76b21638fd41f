"""Undo the latest apply byte for byte, list checkpoints, and commit an apply on request."""

from __future__ import annotations

import contextlib
from pathlib import Path

from architect_tui.vcs.atomic import atomic_write, file_mode, remove_file
from architect_tui.vcs.model import Checkpoint, CommitReport, UndoFile, UndoReport
from architect_tui.vcs.paths import resolve_inside
from architect_tui.vcs.store import find_repo, open_store


def list_checkpoints(root: Path, limit: int | None = None) -> list[Checkpoint]:
    """The checkpoints of ``root``, newest first."""
    return open_store(Path(root)).chain(limit)


def _current(path: Path | None) -> bytes | None:
    if path is None or not path.is_file():
        return None
    return path.read_bytes()


def undo(root: Path) -> UndoReport:
    """Restore the files of the latest checkpoint, or nothing at all.

    A file whose bytes are neither what the apply wrote nor what it replaced was edited since:
    undo refuses (writes nothing) and names it. A file already holding its old bytes (an apply
    that stopped half way) is left alone.
    """
    root = Path(root)
    store = open_store(root)
    chain = store.chain(limit=2)
    if not chain:
        return UndoReport(False, None, reason="nothing to undo")
    cp = chain[0]
    root = store.base_for(cp)  # a git checkpoint may come from another folder of the repo
    plan: list[tuple[UndoFile, Path | None, bytes | None, int | None]] = []
    changed = False
    for f in cp.files:
        check = resolve_inside(root, f.path)
        if not check.ok:
            plan.append((UndoFile(f.path, "changed", check.reason), None, None, None))
            changed = True
            continue
        now = _current(check.path)
        if now == f.after:
            plan.append((UndoFile(f.path, "restored"), check.path, f.before, f.before_mode))
        elif now == f.before:
            plan.append(
                (UndoFile(f.path, "unchanged", "already holds its old content"), None, None, None)
            )
        else:
            changed = True
            plan.append((UndoFile(f.path, "changed", "edited since the apply"), None, None, None))
    remaining = len(store.chain()) - 1
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
    for item, path, before, mode in plan:
        if path is None:
            report.files.append(item)
            continue
        try:
            if before is None:
                remove_file(path)
            else:
                atomic_write(path, before, mode if mode is not None else file_mode(path))
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
            with contextlib.suppress(OSError):
                (root / rel).rmdir()
    store.drop_latest()
    return report


def commit_applied(root: Path, message: str) -> CommitReport:
    """Commit the files of the latest checkpoint (only when the user asks).

    Uses ``git commit --only`` semantics on those paths, so anything else the user staged stays
    staged and out of this commit.
    """
    root = Path(root)
    repo = find_repo(root)
    if repo is None:
        return CommitReport(False, reason="not a git repository")
    chain = open_store(root).chain(limit=1)
    if not chain:
        return CommitReport(False, reason="nothing applied to commit")
    paths = [str((root / f.path).resolve()) for f in chain[0].files]
    try:
        existing = [p for p in paths if Path(p).exists()]
        if existing:
            repo.git.add("--", *existing)
        repo.git.commit("-m", message or "Apply architect changes", "--only", "--", *paths)
    except Exception as exc:  # git's own message is the clearest explanation
        return CommitReport(False, reason=str(exc).strip().splitlines()[-1])
    return CommitReport(True, sha=repo.head.commit.hexsha)
