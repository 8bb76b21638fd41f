"""A change set: what changed in a project since a base, read from git without touching it.

Three shapes, as ``git diff`` knows them:

- ``BASE`` (default ``HEAD``): the working tree and the index against that commit, untracked files
  that git does not ignore included (they are part of the change a user is about to commit);
- ``A...B``: B against the merge base of A and B (what a pull request of B into A shows);
- ``A..B``: B against A.

Everything is read: the object database through GitPython, the diff through ``git diff`` with
``GIT_OPTIONAL_LOCKS=0`` so that not even the index's stat cache is refreshed. Nothing is checked
out and the index, HEAD, branches and stash are never written. Paths are relative to the project
folder, which may be a sub-folder of the repository.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

WORKING_TREE = "working tree"
T = TypeVar("T")

Status = Literal["added", "deleted", "modified", "renamed"]
Range = tuple[int, int]

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
#: Untracked files bigger than this are listed but not diffed (generated or data files).
MAX_UNTRACKED_BYTES = 1_500_000


class ChangeError(ValueError):
    """The base cannot be read (not a repository, an unknown revision); the message is for the user."""


@dataclass(frozen=True, slots=True)
class ChangedFile:
    """One file of the change: where it was, where it is, and which lines moved."""

    path: str  # project-relative, POSIX; the base path for a deleted file
    old_path: str | None  # project-relative path at the base; None for an added file
    status: Status
    added: tuple[Range, ...]  # line ranges (inclusive) added or rewritten, new side
    removed: tuple[Range, ...]  # line ranges (inclusive) removed or rewritten, base side
    diff: str  # this file's unified diff (``diff --git`` header included)
    binary: bool = False
    #: new-side lines on either side of a pure deletion (a removed ``@login_required`` leaves
    #: no added line, but the lines around it are where the change is)
    seams: tuple[Range, ...] = ()


@dataclass(slots=True)
class ChangeSet:
    """The files changed between ``base`` and the head (the working tree, or a commit)."""

    root: Path  # the project folder (resolved)
    prefix: str  # the project folder relative to the repository, "" or "sub/dir/"
    base: str  # the base commit's full sha
    base_label: str  # as the user wrote it ("HEAD", "main...feature")
    head: str | None  # the head commit's sha; None for the working tree
    files: list[ChangedFile] = field(default_factory=list)
    _repo: Any = field(default=None, repr=False)
    _trees: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    _index: dict[str, ChangedFile] | None = field(default=None, repr=False)

    @property
    def head_label(self) -> str:
        return WORKING_TREE if self.head is None else self.head

    @property
    def diff(self) -> str:
        """The whole change as one unified diff."""
        return "".join(f.diff for f in self.files)

    @property
    def paths(self) -> list[str]:
        return [f.path for f in self.files]

    def file(self, path: str) -> ChangedFile | None:
        """The changed file at ``path`` (head side, or base side for a deleted or renamed one)."""
        if self._index is None:  # built on first use; files are set once, by open_change
            index: dict[str, ChangedFile] = {}
            for f in self.files:
                if f.old_path is not None:
                    index.setdefault(f.old_path, f)
            index.update((f.path, f) for f in self.files)
            self._index = index
        return self._index.get(path)

    def added_lines(self) -> dict[str, tuple[Range, ...]]:
        """Per head-side file, the line ranges the change added or rewrote."""
        return {f.path: f.added for f in self.files if f.status != "deleted" and f.added}

    def touches(self, path: str, line: int, end_line: int | None = None) -> bool:
        """Whether lines ``line``..``end_line`` of ``path`` (head side) were added or rewritten:
        what ``check --changed-since`` and the offline review of a change keep."""
        f = self.file(path)
        if f is None or f.status == "deleted":
            return False
        end = line if end_line is None or end_line < line else end_line
        return any(a <= end and b >= line for a, b in (*f.added, *f.seams))

    def keep(self, findings: Iterable[T]) -> list[T]:
        """The findings (anything with ``file``, ``line`` and maybe ``end_line``) that sit on
        lines this change touched."""
        return [
            f
            for f in findings
            if self.touches(f.file, f.line, getattr(f, "end_line", None))  # type: ignore[attr-defined]
        ]

    # -- reading both sides ------------------------------------------------------------------

    def base_files(self) -> list[str]:
        """Every file of the project at the base (project-relative, sorted)."""
        return sorted(self._tree(self.base))

    def head_files(self) -> list[str] | None:
        """Every file of the project at the head commit; None for the working tree (use disk)."""
        return None if self.head is None else sorted(self._tree(self.head))

    def read_base(self, rel: str) -> bytes | None:
        """A file's bytes at the base, from the object database; None when it did not exist.

        A file the change does not touch is the same at the base and in the working tree, and
        the disk is an order of magnitude faster to read than a blob through git.
        """
        if self.head is None and rel in self._tree(self.base) and self.file(rel) is None:
            try:
                return (self.root / rel).read_bytes()
            except OSError:
                pass
        return self._read(self.base, rel)

    def read_head(self, rel: str) -> bytes | None:
        """A file's bytes at the head: the commit's blob, or the file on disk."""
        if self.head is not None:
            return self._read(self.head, rel)
        try:
            return (self.root / rel).read_bytes()
        except OSError:
            return None

    def _tree(self, commit: str) -> dict[str, str]:
        if commit not in self._trees:
            self._trees[commit] = _tree_blobs(self._repo, commit, self.prefix)
        return self._trees[commit]

    def _read(self, commit: str, rel: str) -> bytes | None:
        sha = self._tree(commit).get(rel)
        if sha is None:
            return None
        return self._repo.odb.stream(bytes.fromhex(sha)).read()


def open_change(root: Path, base: str | None = None) -> ChangeSet:
    """The change set of the project at ``root`` against ``base`` (see the module docstring)."""
    try:
        import git
    except ImportError as exc:  # pragma: no cover - a dependency
        raise ChangeError("GitPython is not installed") from exc
    root = Path(root).expanduser()
    if not root.is_dir():
        raise ChangeError(f"{root}: not a directory")
    root = root.resolve()
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
        raise ChangeError(f"{root}: not inside a git repository") from exc
    if repo.bare or repo.working_tree_dir is None:
        raise ChangeError(f"{root}: a bare repository has no working tree")
    worktree = Path(os.path.realpath(repo.working_tree_dir))
    prefix = root.relative_to(worktree).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    label = base or "HEAD"
    base_sha, head_sha = _resolve(repo, label)
    change = ChangeSet(root, prefix, base_sha, label, head_sha, _repo=repo)
    change.files = _changed_files(repo, prefix, base_sha, head_sha)
    return change


def _commit(repo: Any, rev: str) -> str:
    import git

    try:
        return repo.commit(rev).hexsha
    except (git.BadName, git.BadObject, ValueError, git.GitCommandError) as exc:
        if rev == "HEAD" and not repo.head.is_valid():
            raise ChangeError("the repository has no commit yet: nothing to compare with") from exc
        raise ChangeError(f"{rev!r} is not a commit, branch or tag of this repository") from exc


def _resolve(repo: Any, label: str) -> tuple[str, str | None]:
    """(base sha, head sha or None for the working tree) for ``label``."""
    if label.startswith("-"):
        raise ChangeError(f"{label!r} is not a revision")
    if "..." in label:
        left, right = label.split("...", 1)
        a, b = _commit(repo, left or "HEAD"), _commit(repo, right or "HEAD")
        bases = repo.merge_base(a, b)
        if not bases:
            raise ChangeError(f"{left or 'HEAD'} and {right or 'HEAD'} have no common ancestor")
        return bases[0].hexsha, b
    if ".." in label:
        left, right = label.split("..", 1)
        return _commit(repo, left or "HEAD"), _commit(repo, right or "HEAD")
    return _commit(repo, label), None


def _git(repo: Any, *args: str) -> str:
    """Run a read-only git command: no optional locks, so the index is not even refreshed."""
    with repo.git.custom_environment(GIT_OPTIONAL_LOCKS="0"):
        return repo.git.execute(
            ["git", "-c", "core.quotePath=false", *args],
            strip_newline_in_stdout=False,
            stdout_as_string=False,
        ).decode("utf-8", "surrogateescape")


def _changed_files(repo: Any, prefix: str, base: str, head: str | None) -> list[ChangedFile]:
    sides = [base] if head is None else [base, head]
    scope = ["--relative=" + prefix] if prefix else []
    common = ["--no-color", "--no-ext-diff", "--no-textconv", "-M", *scope, *sides, "--"]
    raw = _git(repo, "diff", "--raw", "-z", *common)
    patch = _git(repo, "diff", "-p", *common)
    entries = _parse_raw(raw)
    sections = _split_sections(patch)
    files = []
    for i, (status, old, new) in enumerate(entries):
        text = sections[i] if i < len(sections) and len(sections) == len(entries) else ""
        if not text:
            text = next((s for s in sections if _section_paths(s, old, new)), "")
        added, removed, seams = hunk_ranges(text)
        binary = "\nBinary files " in text or text.startswith("Binary files ")
        files.append(ChangedFile(new or old, old, status, added, removed, text, binary, seams))
    if head is None:
        known = {f.path for f in files}
        for rel in _untracked(repo, prefix):
            if rel not in known:
                files.append(_untracked_file(Path(repo.working_tree_dir) / (prefix + rel), rel))
    files.sort(key=lambda f: f.path)
    return files


def _parse_raw(raw: str) -> list[tuple[Status, str | None, str | None]]:
    """``git diff --raw -z``: ``:modes shas STATUS\\0path[\\0path2]\\0`` per file."""
    parts = raw.split("\0")
    out: list[tuple[Status, str | None, str | None]] = []
    i = 0
    while i < len(parts):
        head = parts[i]
        if not head.startswith(":"):
            i += 1
            continue
        code = head.split()[-1][:1]
        if code in "RC":
            old, new = parts[i + 1], parts[i + 2]
            i += 3
            out.append(("renamed" if code == "R" else "added", old if code == "R" else None, new))
            continue
        path = parts[i + 1]
        i += 2
        if code == "A":
            out.append(("added", None, path))
        elif code == "D":
            out.append(("deleted", path, None))
        else:  # M, T (type change), U (unmerged)
            out.append(("modified", path, path))
    return out


def _split_sections(patch: str) -> list[str]:
    sections: list[str] = []
    current: list[str] = []
    for line in patch.splitlines(keepends=True):
        if line.startswith("diff --git ") and current:
            sections.append("".join(current))
            current = []
        current.append(line)
    if current:
        sections.append("".join(current))
    return sections


def _section_paths(section: str, old: str | None, new: str | None) -> bool:
    first = section.split("\n", 1)[0]
    return any(p is not None and first.endswith(f"b/{p}") for p in (new, old))


def hunk_ranges(
    diff: str,
) -> tuple[tuple[Range, ...], tuple[Range, ...], tuple[Range, ...]]:
    """(added ranges, new side; removed ranges, old side; seams of pure deletions, new side)."""
    added: list[int] = []
    removed: list[int] = []
    seams: list[int] = []
    old_no = new_no = 0
    in_hunk = False
    pending = False  # removed lines not (yet) followed by added ones
    for line in diff.splitlines():
        m = _HUNK.match(line)
        if m:
            old_no, new_no, in_hunk = int(m.group(1)), int(m.group(3)), True
            if int(m.group(4) if m.group(4) is not None else 1) == 0:
                new_no += 1  # "+N,0": the deletion sits after new line N
            pending = False
            continue
        if not in_hunk or line.startswith("\\"):
            continue
        if line.startswith("+"):
            added.append(new_no)
            new_no += 1
            pending = False
        elif line.startswith("-"):
            removed.append(old_no)
            old_no += 1
            pending = True
        elif line.startswith(" ") or line == "":
            if pending:
                seams += [new_no - 1, new_no]
            pending = False
            old_no += 1
            new_no += 1
        else:
            in_hunk = False
    if pending:
        seams += [new_no - 1, new_no]
    return _ranges(added), _ranges(removed), _ranges(sorted({n for n in seams if n > 0}))


def _ranges(lines: list[int]) -> tuple[Range, ...]:
    out: list[list[int]] = []
    for n in lines:
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return tuple((a, b) for a, b in out)


def _untracked(repo: Any, prefix: str) -> list[str]:
    listed = _git(repo, "ls-files", "-z", "--others", "--exclude-standard", "--", prefix or ".")
    return [p[len(prefix) :] for p in listed.split("\0") if p and p.startswith(prefix)]


def _untracked_file(path: Path, rel: str) -> ChangedFile:
    """An untracked file as git would show it once added: every line new."""
    header = f"diff --git a/{rel} b/{rel}\nnew file mode 100644\n"
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_UNTRACKED_BYTES else None
    except OSError:
        data = None
    if data is None or b"\0" in data:
        return ChangedFile(rel, None, "added", (), (), header + "Binary files differ\n", True)
    text = data.decode("utf-8", "replace")
    lines = text.splitlines(keepends=True)
    body = "".join(
        difflib.unified_diff([], lines, fromfile="/dev/null", tofile=f"b/{rel}", lineterm="\n")
    )
    if lines and not lines[-1].endswith("\n"):
        body += "\n\\ No newline at end of file\n"
    added = ((1, len(lines)),) if lines else ()
    return ChangedFile(rel, None, "added", added, (), header + body)


def _tree_blobs(repo: Any, commit: str, prefix: str) -> dict[str, str]:
    """Project-relative path -> blob sha of every file of ``commit`` under ``prefix``."""
    listed = _git(repo, "ls-tree", "-r", "-z", "--full-tree", commit)
    out: dict[str, str] = {}
    for entry in listed.split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob" and path.startswith(prefix):
            out[path[len(prefix) :]] = parts[2]
    return out
