"""Where checkpoints live: a private git ref in a repository, ``.architect/checkpoints/`` elsewhere.

Both stores keep a chain (newest first) so undo goes several levels deep. The git store writes
blobs, one flat tree and a commit straight into the object database through gitpython and moves
only its own ref: the user's index, HEAD, branches and stash are never read for writing nor changed.

The ref is per worktree: ``refs/architect/checkpoints`` in the main worktree (the name it always
had, so existing checkpoints stay readable) and ``refs/architect/worktrees/<id>/checkpoints`` in a
linked one (``<id>`` is git's own name for it, the folder under ``.git/worktrees/``). git's
``refs/worktree/`` namespace would say the same, but git 2.39's gc does not count those refs as
reachable from the main tree and prunes the checkpoints; shared refs are gc roots everywhere.

A checkpoint is read back as hostile input (someone may plant a ref or a folder): every path in its
manifest is checked like a path from a diff, and a checkpoint that fails is returned with a
``problem`` and no files, so undo refuses it instead of writing anywhere.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from architect_tui.vcs.model import Checkpoint, FileChange
from architect_tui.vcs.paths import FORBIDDEN_PARTS, check_relative

CHECKPOINT_REF = "refs/architect/checkpoints"  # the main worktree's (and every older version's)
WORKTREE_REF = "refs/architect/worktrees/{id}/checkpoints"
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


class BadCheckpoint(ValueError):
    """A checkpoint that is unreadable or names a path undo must never write."""


def _safe_path(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise BadCheckpoint(f"{what} is not a string: {value!r}")
    reason = check_relative(value)
    if reason:
        raise BadCheckpoint(f"unsafe {what} in the manifest: {reason}")
    return value


def _mode(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 0o7777:
        raise BadCheckpoint(f"bad file mode in the manifest: {value!r}")
    return value


def _files_from(manifest: Any, blob: Any) -> list[FileChange]:
    """Rebuild FileChanges; ``blob(name)`` returns the bytes stored under ``before-N``/``after-N``.

    Raises :class:`BadCheckpoint` on anything undo could be tricked with.
    """
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        raise BadCheckpoint("the manifest has no file list")
    out = []
    for i, entry in enumerate(manifest["files"]):
        if not isinstance(entry, dict):
            raise BadCheckpoint(f"file entry {i} is not an object")
        dirs = entry.get("created_dirs", [])
        if not isinstance(dirs, list):
            raise BadCheckpoint(f"file entry {i}: created_dirs is not a list")
        out.append(
            FileChange(
                path=_safe_path(entry.get("path"), "path"),
                before=blob(f"before-{i}") if entry.get("before") else None,
                after=blob(f"after-{i}") if entry.get("after") else None,
                before_mode=_mode(entry.get("before_mode")),
                after_mode=_mode(entry.get("after_mode")),
                created_dirs=[_safe_path(d, "created folder") for d in dirs],
            )
        )
    return out


def _read(cid: str, backend: str, load: Any) -> Checkpoint:
    """``load()`` -> (manifest, files, prefix); a failure becomes a Checkpoint with a problem."""
    try:
        manifest, files, prefix = load()
        return Checkpoint(
            cid,
            str(manifest.get("message", "")),
            str(manifest.get("created", "")),
            files,
            backend,  # type: ignore[arg-type]
            prefix,
        )
    except BadCheckpoint as exc:
        problem = str(exc)
    except (OSError, KeyError, TypeError, ValueError, AttributeError) as exc:
        problem = f"unreadable checkpoint: {type(exc).__name__}: {exc}"
    return Checkpoint(cid, "", "", [], backend, "", problem=problem)  # type: ignore[arg-type]


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
        self.ref = checkpoint_ref(repo)

    def _blob(self, data: bytes) -> bytes:
        from gitdb import IStream

        return self.repo.odb.store(IStream(b"blob", len(data), io.BytesIO(data))).binsha

    def _head(self) -> Any | None:
        from git.refs.reference import Reference

        ref = Reference(self.repo, self.ref)
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
        Reference.create(self.repo, self.ref, commit, force=True)
        return Checkpoint(commit.hexsha[:12], message, created, files, "git", self.prefix)

    def _load(self, commit: Any) -> Checkpoint:
        def load() -> tuple[Any, list[FileChange], str]:
            tree = commit.tree

            def blob(name: str) -> bytes:
                return bytes(tree[name].data_stream.read())

            manifest = json.loads(blob("manifest.json"))
            files = _files_from(manifest, blob)
            prefix = manifest.get("prefix", "") or ""
            if prefix:
                prefix = _safe_path(prefix, "project prefix")
            return manifest, files, prefix

        return _read(commit.hexsha[:12], "git", load)

    def base_for(self, checkpoint: Checkpoint) -> Path:
        """The folder the checkpoint's paths are relative to (its project, wherever undo runs).

        Raises :class:`BadCheckpoint` when the prefix leads out of the work tree or into ``.git``
        (through a symlink, say), even though the manifest's text looked harmless.
        """
        worktree = Path(os.path.realpath(self.repo.working_tree_dir))
        if not checkpoint.prefix:
            return worktree
        prefix = _safe_path(checkpoint.prefix, "project prefix")
        base = Path(os.path.realpath(worktree / prefix))
        try:
            inside = base.relative_to(worktree)
        except ValueError:
            raise BadCheckpoint(
                f"the project prefix leads out of the work tree: {prefix}"
            ) from None
        if any(part.lower() in FORBIDDEN_PARTS for part in inside.parts):
            raise BadCheckpoint(f"the project prefix leads into a forbidden folder: {prefix}")
        return base

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
        ref = Reference(self.repo, self.ref)
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

        def load() -> tuple[Any, list[FileChange], str]:
            def blob(name: str) -> bytes:
                return (folder / name).read_bytes()

            manifest = json.loads(blob("manifest.json"))
            return manifest, _files_from(manifest, blob), ""

        return _read(cid, "dir", load)

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


def checkpoint_ref(repo: Any) -> str:
    """The ref holding this worktree's checkpoints (see the module docstring)."""
    git_dir = Path(os.path.realpath(repo.git_dir))
    common = Path(os.path.realpath(repo.common_dir))
    if git_dir == common:
        return CHECKPOINT_REF
    worktree_id = re.sub(r"[^A-Za-z0-9_-]", "-", git_dir.name).strip("-") or "worktree"
    return WORKTREE_REF.format(id=worktree_id)


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
