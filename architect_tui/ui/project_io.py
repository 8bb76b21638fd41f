"""Blocking reads the UI runs in thread workers: the project map, Python files, git status.

Kept apart from the widgets so that none of this runs on the event loop and so the heavy
imports (LibCST through the reader) happen off the path to the first frame.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from architect_tui.analysis.model import ProjectMap

ProjectReader = Callable[[Path, bool], ProjectMap]
GitProbe = Callable[[Path], str]

# Folders nobody wants in a file tree: virtualenvs, caches and VCS internals.
_SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "env",
    ".env",
    "__pycache__",
    "node_modules",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "build",
    "dist",
    ".architect",
    "site-packages",
}


class ReadCancelled(Exception):
    """The read was superseded (a newer re-read, or the app is closing)."""


def default_reader(root: Path, use_cache: bool) -> ProjectMap:
    """Read the project in a child process, so the UI keeps its GIL and never stalls.

    A warm read is mostly unpickling the cache, and a cold one parses every file; in a thread
    either holds the GIL for long stretches and freezes the event loop. The child is spawned
    (never forked from a threaded process), killed if the worker is cancelled, and the reader
    runs in this process instead when no process can be started.
    """
    cancelled = _worker_cancelled()
    try:
        return read_in_child(root, use_cache, cancelled)
    except ChildUnavailable:
        return read_in_process(root, use_cache)


def read_in_process(root: Path, use_cache: bool) -> ProjectMap:
    from architect_tui.analysis import read_project

    start_resource_tracker()
    return read_project(root, use_cache=use_cache)


class ChildUnavailable(Exception):
    """No child process could be started here (sandbox, no semaphores)."""


def read_in_child(
    root: Path, use_cache: bool, cancelled: Callable[[], bool] = lambda: False
) -> ProjectMap:
    """``read_project`` in a spawned process; its exception is raised here with its message."""
    import multiprocessing

    start_resource_tracker()
    try:
        context = multiprocessing.get_context("spawn")
        receiver, sender = context.Pipe(duplex=False)
        # Not a daemon: the reader may start its own process pool.
        process = context.Process(
            target=_child_read, args=(str(root), use_cache, sender), name="architect-reader"
        )
        process.start()
    except (OSError, ValueError, RuntimeError) as error:
        raise ChildUnavailable(str(error)) from error
    sender.close()
    try:
        while not receiver.poll(0.05):
            if cancelled():
                raise ReadCancelled()
            if not process.is_alive() and not receiver.poll(0):
                raise RuntimeError(f"the reader stopped unexpectedly (exit {process.exitcode})")
        ok, payload = receiver.recv()
    except EOFError as error:
        raise RuntimeError("the reader stopped unexpectedly") from error
    finally:
        receiver.close()
        if process.is_alive():
            process.terminate()
        process.join(timeout=2)
    if ok:
        return payload
    raise payload


def _child_read(root: str, use_cache: bool, sender: object) -> None:
    """Runs in the child: read, then send ``(True, map)`` or ``(False, exception)``."""
    try:
        result: tuple[bool, object] = (True, read_in_process(Path(root), use_cache))
    except Exception as error:
        result = (False, error)
    try:
        sender.send(result)  # type: ignore[attr-defined]
    except Exception as error:  # an exception that does not pickle: keep its words
        sender.send((False, RuntimeError(f"{type(error).__name__}: {error}")))  # type: ignore[attr-defined]
    finally:
        sender.close()  # type: ignore[attr-defined]


def _worker_cancelled() -> Callable[[], bool]:
    """``is_cancelled`` of the Textual worker we run in, or never (outside a worker)."""
    try:
        from textual.worker import NoActiveWorker, get_current_worker

        worker = get_current_worker()
    except (ImportError, NoActiveWorker):
        return lambda: False
    return lambda: worker.is_cancelled


def start_resource_tracker() -> None:
    """Let the reader's process pool start under Textual.

    multiprocessing's resource tracker hands ``sys.stderr.fileno()`` to the process it spawns;
    while a Textual app runs, ``sys.stderr`` is Textual's print capture whose ``fileno()`` is -1,
    and spawning fails with "bad value(s) in fds_to_keep". Starting the tracker once with the
    real stderr avoids that; later spawns find it running. The swap lasts a fork+exec, and
    only happens while the app's capture is in place.
    """
    real = sys.__stderr__
    current = sys.stderr
    try:
        if real is None or current is real or current.fileno() >= 0:
            return
    except (AttributeError, OSError, ValueError):
        pass
    from multiprocessing import resource_tracker

    try:
        sys.stderr = real
        resource_tracker.ensure_running()
    except (OSError, ValueError):
        pass  # the reader falls back to one process
    finally:
        sys.stderr = current


def scan_python_files(root: Path, limit: int = 20_000) -> list[str]:
    """Project-relative POSIX paths of Python files, for the files tree when the reader failed."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames if d not in _SKIP_DIRS and not d.endswith(".egg-info")
        )
        for name in sorted(filenames):
            if name.endswith(".py"):
                found.append(Path(dirpath, name).relative_to(root).as_posix())
                if len(found) >= limit:
                    return found
    return found


def git_summary(root: Path) -> str:
    """``"main · 3 changed"``, ``"main · clean"`` or ``"not a git repo"`` (git CLI, no gitpython
    import on the UI's path; this runs in a thread worker)."""
    try:
        inside = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
        if inside.returncode != 0 or inside.stdout.strip() != "true":
            return "not a git repo"
        branch = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--abbrev-ref", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=normal", "."],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "not a git repo"
    if branch in {"", "HEAD"}:
        branch = "detached" if branch == "HEAD" else "no commits yet"
    changed = sum(1 for line in status.stdout.splitlines() if line.strip())
    return f"⎇ {branch} · {changed} changed" if changed else f"⎇ {branch} · clean"


def read_text(root: Path, relative: str) -> str | None:
    """A project file's text for the code view; ``None`` when it cannot be read."""
    try:
        return (root / relative).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
