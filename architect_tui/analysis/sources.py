"""Which files make up a project, and how to read one the way Python would.

Shared by the static reader, the TUI's file tree and the review context builder, so that all
three agree on what "the project" is:

- in a git work tree: the tracked files plus the untracked files git does not ignore
  (``git ls-files --cached --others --exclude-standard``), so ``.gitignore`` is honoured;
- otherwise: a walk that skips virtualenvs, ``site-packages``, ``node_modules``, hidden folders,
  build/dist/cache folders and symlink loops.

Decoding follows Python itself (PEP 263 coding cookie or BOM, UTF-8 by default) so a file the
interpreter accepts is read, and one it would reject is skipped with a reason instead of a
traceback.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from architect_tui.analysis.model import Diagnostic

#: Files larger than this are not Python anyone reviews by hand (generated code, vendored data).
MAX_FILE_BYTES = 1_500_000

#: Folder names never entered by the walk (virtualenvs and build output hold other people's code).
SKIP_DIRS = frozenset(
    {
        "node_modules",
        "site-packages",
        "dist-packages",
        "__pycache__",
        "build",
        "dist",
        "venv",
        "env",
        "htmlcov",
        "__pypackages__",
        "bower_components",
    }
)


class SourceError(Exception):
    """A file that cannot be read as Python source; the message says why, for a diagnostic."""


@dataclass(frozen=True, slots=True)
class ProjectFiles:
    """The Python files of a project (relative POSIX paths) and the ones skipped, with why."""

    root: Path
    files: list[str]
    diagnostics: list[Diagnostic]
    from_git: bool


class SourceProvider(Protocol):
    """Where the reader takes a project's files from when they are not the files on disk.

    The route-level diff maps a project at a git commit this way, from git objects, without
    checking anything out. ``cache_kind`` names the map pack the result is kept in (never
    ``"map"``, which belongs to the files on disk).
    """

    cache_kind: str

    def list_files(self) -> ProjectFiles: ...

    def read_bytes(self, rel: str) -> bytes:
        """The file's bytes, or :class:`SourceError` with a reason."""
        ...


def list_python_files(root: Path) -> ProjectFiles:
    """Every ``.py`` file of the project under ``root``, sorted, relative with ``/`` separators."""
    root = Path(root)
    diagnostics: list[Diagnostic] = []
    listed = _git_files(root)
    if listed is not None:
        files = []
        for rel in listed:
            if not rel.endswith(".py") or _skipped_by_name(rel):
                continue
            if (root / rel).is_file():  # deleted but still in the index
                files.append(rel)
        if files or not _ignored_by_git(root):
            return ProjectFiles(root, sorted(set(files)), diagnostics, True)
        # A folder git ignores as a whole (or that git knows nothing of): the user pointed at
        # it on purpose, so read it the way a folder outside git is read.
    return ProjectFiles(root, sorted(_walk(root, diagnostics)), diagnostics, False)


def list_project_files(root: Path) -> list[str]:
    """All files of the project (any extension), same rules as :func:`list_python_files`."""
    root = Path(root)
    listed = _git_files(root)
    if listed is not None:
        return sorted(r for r in set(listed) if not _skipped_by_name(r) and (root / r).is_file())
    return sorted(_walk(root, [], suffix=None))


def read_source_bytes(path: Path) -> bytes:
    """The raw bytes of a source file, or :class:`SourceError` (too big, unreadable, a folder)."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise SourceError("skipped: not a regular file")
        size = st.st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(f"skipped: {size:,} bytes is over the {MAX_FILE_BYTES:,} byte limit")
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except SourceError:
        raise
    except OSError as exc:
        raise SourceError(f"skipped: cannot read ({exc.strerror or exc})") from exc


def decode_source(data: bytes) -> str:
    """Decode like the interpreter: BOM or PEP 263 cookie, else UTF-8; NUL bytes are refused."""
    if b"\x00" in data:
        raise SourceError("skipped: the file contains NUL bytes (binary, not Python source)")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        raise SourceError(
            f"skipped: not valid UTF-8 and no usable coding declaration ({exc.msg})"
        ) from exc
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise SourceError(
            f"skipped: not valid {encoding.upper()} ({getattr(exc, 'reason', exc)})"
        ) from exc
    return text.removeprefix("\ufeff")


def read_source(path: Path) -> str:
    """Read and decode one Python file; raises :class:`SourceError` with a user-facing reason."""
    return decode_source(read_source_bytes(path))


def module_name(rel: str) -> tuple[str, bool]:
    """``pkg/sub/mod.py`` -> (``pkg.sub.mod``, False); ``pkg/__init__.py`` -> (``pkg``, True).

    Folders like ``src/`` are not stripped here; the reader adds source roots as import roots.
    """
    parts = rel[:-3].split("/")
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def _skipped_by_name(rel: str) -> bool:
    parts = rel.split("/")
    for part in parts[:-1]:
        if part in SKIP_DIRS or part.startswith(".") or part.endswith(".egg-info"):
            return True
    return False


def _git_files(root: Path) -> list[str] | None:
    """Files git knows about (tracked + untracked-not-ignored), or None when not a git work tree."""
    if not (root / ".git").exists() and not _inside_git(root):
        return None
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    names = out.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [n for n in names if n]


def _ignored_by_git(root: Path) -> bool:
    """True when git ignores ``root`` itself (a vendored or virtualenv folder pointed at)."""
    try:
        done = subprocess.run(
            ["git", "check-ignore", "-q", "."],
            cwd=root,
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _inside_git(root: Path) -> bool:
    """True when ``root`` is inside a git work tree (checked cheaply: a ``.git`` above it)."""
    try:
        current = root.resolve()
    except OSError:
        return False
    return any((parent / ".git").exists() for parent in current.parents)


def _walk(root: Path, diagnostics: list[Diagnostic], suffix: str | None = ".py") -> list[str]:
    """Walk ``root`` without following a symlink twice into the same real folder."""
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
        except OSError as exc:
            diagnostics.append(_diag(root, folder, f"skipped folder: {exc.strerror or exc}"))
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            if folder.is_symlink():
                diagnostics.append(_diag(root, folder, "skipped: symlink loop"))
            continue
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            diagnostics.append(_diag(root, folder, f"skipped folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            name = entry.name
            try:
                if entry.is_dir():
                    if name in SKIP_DIRS or name.startswith(".") or name.endswith(".egg-info"):
                        continue
                    if (Path(entry.path) / "pyvenv.cfg").exists():
                        continue  # a virtualenv under any name
                    stack.append(Path(entry.path))
                else:  # files, and FIFOs or sockets named *.py (refused when read)
                    if suffix is not None and not name.endswith(suffix):
                        continue
                    path = Path(entry.path)
                    if entry.is_symlink() and not path.exists():
                        diagnostics.append(_diag(root, path, "skipped: broken or looping symlink"))
                        continue
                    found.append(path.relative_to(root).as_posix())
            except OSError as exc:
                diagnostics.append(_diag(root, Path(entry.path), f"skipped: {exc}"))
    return found


def _diag(root: Path, path: Path, message: str) -> Diagnostic:
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = str(path)
    return Diagnostic("warning", rel, 0, message)
