"""Where checkpoints live: a private git ref in a repository, ``.architect/checkpoints/`` elsewhere.

Both stores keep a chain (newest first) so undo goes several levels deep. The git store writes
blobs, one flat tree and a commit straight into the object database through gitpython and moves
only ``refs/architect/checkpoints``: the user's index, HEAD, branches and stash are never read for
writing nor changed.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from architect_tui.vcs.model import Checkpoint, FileChange

CHECKPOINT_REF = "refs/architect/checkpoints"
DIR_STORE = Path(".architect") / "checkpoints"
_ACTOR = ("architect-tui", "architect-tui@localhost")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _manifest(files: list[FileChange], message: str, created: str, prefix: str) -> dict[str, Any]:
    return {
        "version": 1,
        "message": message,
        "created": created,
        "prefix": prefix,
        "files": [
            {
                "path": f.path,
                "before": f.before is not None,
                "after": f.after is not None,
                "before_mode": f.before_mode,
                "after_mode": f.after_mode,
                "created_dirs": f.created_dirs,
            }
            for f in files
        ],
    }


def _files_from(manifest: dict[str, Any], blob: Any) -> list[FileChange]:
    """Rebuild FileChanges; ``blob(name)`` returns the bytes stored under ``before-N``/``after-N``."""
    out = []
    for i, entry in enumerate(manifest["files"]):
        out.append(
            FileChange(
                path=entry["path"],
                before=blob(f"before-{i}") if entry["before"] else None,
                after=blob(f"after-{i}") if entry["after"] else None,
                before_mode=entry.get("before_mode"),
                after_mode=entry.get("after_mode"),
                created_dirs=list(entry.get("created_dirs", [])),
            )
        )
    return out


class CheckpointStore(Protocol):
    backend: str

    def save(self, files: list[FileChange], message: str) -> Checkpoint: ...
    def chain(self, limit: int | None = None) -> list[Checkpoint]: ...
    def drop_latest(self) -> None: ...
    def base_for(self, checkpoint: Checkpoint) -> Path: ...


class GitStore:
    """Checkpoints as commits on a private ref of the enclosing repository."""

    backend = "git"

    def __init__(self, repo: Any, root: Path) -> None:
        self.repo = repo
        worktree = Path(os.path.realpath(repo.working_tree_dir))
        self.prefix = Path(os.path.realpath(root)).relative_to(worktree).as_posix()
        if self.prefix == ".":
            self.prefix = ""

    def _blob(self, data: bytes) -> bytes:
        from gitdb import IStream

        return self.repo.odb.store(IStream(b"blob", len(data), io.BytesIO(data))).binsha

    def _head(self) -> Any | None:
        from git.refs.reference import Reference

        ref = Reference(self.repo, CHECKPOINT_REF)
        if not ref.is_valid():
            return None
        return ref.commit

    def save(self, files: list[FileChange], message: str) -> Checkpoint:
        from git.objects.commit import Commit
        from git.objects.fun import tree_to_stream
        from git.objects.tree import Tree
        from git.refs.reference import Reference
        from git.util import Actor
        from gitdb import IStream

        created = _now()
        entries: list[tuple[bytes, int, str]] = []
        for i, f in enumerate(files):
            if f.before is not None:
                entries.append((self._blob(f.before), 0o100644, f"before-{i}"))
            if f.after is not None:
                entries.append((self._blob(f.after), 0o100644, f"after-{i}"))
        manifest = json.dumps(_manifest(files, message, created, self.prefix), indent=1).encode()
        entries.append((self._blob(manifest), 0o100644, "manifest.json"))
        entries.sort(key=lambda e: e[2])
        buf = io.BytesIO()
        tree_to_stream(entries, buf.write)
        data = buf.getvalue()
        tree_sha = self.repo.odb.store(IStream(b"tree", len(data), io.BytesIO(data))).binsha
        tree = Tree(self.repo, tree_sha)
        parent = self._head()
        actor = Actor(*_ACTOR)
        commit = Commit.create_from_tree(
            self.repo,
            tree,
            f"architect checkpoint: {message or 'apply'}",
            parent_commits=[parent] if parent is not None else [],
            head=False,
            author=actor,
            committer=actor,
        )
        Reference.create(self.repo, CHECKPOINT_REF, commit, force=True)
        return Checkpoint(commit.hexsha[:12], message, created, files, "git", self.prefix)

    def _load(self, commit: Any) -> Checkpoint:
        tree = commit.tree

        def blob(name: str) -> bytes:
            return tree[name].data_stream.read()

        manifest = json.loads(blob("manifest.json"))
        return Checkpoint(
            commit.hexsha[:12],
            manifest.get("message", ""),
            manifest.get("created", ""),
            _files_from(manifest, blob),
            "git",
            manifest.get("prefix", ""),
        )

    def base_for(self, checkpoint: Checkpoint) -> Path:
        """The folder the checkpoint's paths are relative to (its project, wherever undo runs)."""
        worktree = Path(os.path.realpath(self.repo.working_tree_dir))
        return worktree / checkpoint.prefix if checkpoint.prefix else worktree

    def chain(self, limit: int | None = None) -> list[Checkpoint]:
        out: list[Checkpoint] = []
        commit = self._head()
        while commit is not None and (limit is None or len(out) < limit):
            out.append(self._load(commit))
            commit = commit.parents[0] if commit.parents else None
        return out

    def drop_latest(self) -> None:
        from git.refs.reference import Reference

        head = self._head()
        if head is None:
            return
        ref = Reference(self.repo, CHECKPOINT_REF)
        if head.parents:
            ref.set_object(head.parents[0])
        else:
            Reference.delete(self.repo, ref)


class DirStore:
    """Checkpoints as folders under ``<project>/.architect/checkpoints/`` (no git needed)."""

    backend = "dir"

    def __init__(self, root: Path) -> None:
        self.folder = root / DIR_STORE

    def _ids(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(
            (p.name for p in self.folder.iterdir() if (p / "manifest.json").is_file()),
            reverse=True,
        )

    def save(self, files: list[FileChange], message: str) -> Checkpoint:
        from architect_tui.vcs.atomic import atomic_write

        created = _now()
        stamp = created.replace("-", "").replace(":", "").replace(".", "")
        existing = self._ids()
        n = 1
        while f"{stamp}-{n:03d}" in existing:
            n += 1
        cid = f"{stamp}-{n:03d}"
        target = self.folder / cid
        staging = self.folder / f".{cid}.partial"
        staging.mkdir(parents=True, exist_ok=True)
        for i, f in enumerate(files):
            if f.before is not None:
                atomic_write(staging / f"before-{i}", f.before)
            if f.after is not None:
                atomic_write(staging / f"after-{i}", f.after)
        manifest = json.dumps(_manifest(files, message, created, ""), indent=1).encode()
        atomic_write(staging / "manifest.json", manifest)
        os.replace(staging, target)  # the checkpoint appears whole or not at all
        return Checkpoint(cid, message, created, files, "dir")

    def _load(self, cid: str) -> Checkpoint:
        folder = self.folder / cid

        def blob(name: str) -> bytes:
            return (folder / name).read_bytes()

        manifest = json.loads(blob("manifest.json"))
        return Checkpoint(
            cid,
            manifest.get("message", ""),
            manifest.get("created", ""),
            _files_from(manifest, blob),
            "dir",
        )

    def base_for(self, checkpoint: Checkpoint) -> Path:
        return self.folder.parent.parent

    def chain(self, limit: int | None = None) -> list[Checkpoint]:
        ids = self._ids()
        if limit is not None:
            ids = ids[:limit]
        return [self._load(cid) for cid in ids]

    def drop_latest(self) -> None:
        ids = self._ids()
        if ids:
            shutil.rmtree(self.folder / ids[0])


def find_repo(root: Path) -> Any | None:
    """The git repository enclosing ``root``, or None (not a repo, or git unavailable)."""
    try:
        import git
    except ImportError:  # pragma: no cover - gitpython is a dependency
        return None
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.GitCommandNotFound):
        return None
    if repo.bare or repo.working_tree_dir is None:
        return None
    return repo


def open_store(root: Path) -> CheckpointStore:
    """The git store inside a repository, the folder store elsewhere."""
    repo = find_repo(root)
    if repo is not None:
        return GitStore(repo, root)
    return DirStore(root)
