"""Verify an apply with the project's own checks: did the change keep the project working?

What runs, in order (the first failure stops the rest):

1. always, a compile check of the changed Python files: ``compile()`` in a child interpreter, so
   no pyc is written and no user code is imported into our process (a file nested deep enough to
   crash the compiler crashes the child, and that is reported as a failure);
2. the command the user configured (``[tool.architect] verify = "pytest -q -x"``, or
   ``--verify CMD``), run by the shell as written; else, when the project plainly has tests and
   pytest is importable in the project's environment, ``<python> -m pytest -q -x``.

"The project's environment" is its own virtualenv when it has one (``.venv``, ``venv``, ``env``),
else the active one (``VIRTUAL_ENV``), else ``python3`` on PATH. The checks run the project's
code (its tests, its conftest): that is what the user asks for with ``--verify``; our API keys
are removed from their environment all the same.

Results are values (:class:`VerifyResult`); output streams as events (``StepStarted``,
``OutputLine``, ``Finished``) from :func:`stream_verify`, or :func:`astream_verify` for an event
loop, or as lines to a callback with :func:`run_verify`, so the TUI can show it live and the CLI
can print it. A timeout or a cancel stops the whole process group.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TAIL_LINES = 60  # output_tail keeps the end of the output, where test runners say what failed
TAIL_CHARS = 4000
_SECRET_ENV = ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN")
_VENVS = (".venv", "venv", "env")
_SKIP_DIRS = frozenset(
    {".git", ".architect", ".venv", "venv", "env", "node_modules", "__pycache__", ".tox", ".nox"}
)

# Run by the project's interpreter with -I (no cwd on sys.path): compiles, never imports.
_COMPILE = """\
import sys
bad = 0
for name in sys.argv[1:]:
    try:
        with open(name, "rb") as fh:
            compile(fh.read(), name, "exec", dont_inherit=True)
    except SyntaxError as exc:
        bad = 1
        print(f"{name}:{exc.lineno}: {type(exc).__name__}: {exc.msg}", flush=True)
    except (ValueError, OSError, RecursionError, MemoryError) as exc:
        bad = 1
        print(f"{name}: {type(exc).__name__}: {exc}", flush=True)
sys.exit(bad)
"""


@dataclass(frozen=True, slots=True)
class VerifyStep:
    """One command to run: ``label`` is what the user reads, ``argv`` what is executed."""

    label: str
    argv: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VerifyPlan:
    """What verification will run, decided before anything runs (the TUI can show it)."""

    root: Path
    steps: tuple[VerifyStep, ...]
    env: dict[str, str] = field(repr=False, default_factory=dict)
    note: str | None = None  # why no test command runs, when none does

    @property
    def command(self) -> str:
        return " && ".join(s.label for s in self.steps)


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """The outcome. ``exit`` is the first failing step's exit code (0: all passed; None: the
    run was stopped by the timeout or a cancel before it finished)."""

    command: str
    exit: int | None
    output_tail: str
    seconds: float
    timed_out: bool = False
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.exit == 0 and not self.timed_out and not self.cancelled

    def to_json(self) -> dict[str, Any]:
        return {
            "command": self.command,
            "exit": self.exit,
            "output_tail": self.output_tail,
            "seconds": round(self.seconds, 2),
            "timed_out": self.timed_out,
            "cancelled": self.cancelled,
        }


@dataclass(frozen=True, slots=True)
class StepStarted:
    label: str


@dataclass(frozen=True, slots=True)
class OutputLine:
    text: str


@dataclass(frozen=True, slots=True)
class Finished:
    result: VerifyResult


VerifyEvent = StepStarted | OutputLine | Finished


# -- deciding what to run ---------------------------------------------------------------------


def project_python(root: Path) -> Path | None:
    """The interpreter of the project's own virtualenv, if it has one."""
    for name in _VENVS:
        for exe in ("bin/python", "Scripts/python.exe"):
            candidate = root / name / exe
            if candidate.is_file() and (root / name / "pyvenv.cfg").is_file():
                return candidate
    return None


def environment_python(root: Path) -> str:
    """The interpreter of "the project's environment" (see the module docstring)."""
    own = project_python(root)
    if own is not None:
        return str(own)
    active = os.environ.get("VIRTUAL_ENV")
    if active:
        for exe in ("bin/python", "Scripts/python.exe"):
            if (Path(active) / exe).is_file():
                return str(Path(active) / exe)
    import shutil

    return shutil.which("python3") or shutil.which("python") or sys.executable


def has_tests(root: Path) -> bool:
    """Does the project plainly have tests? (a tests folder, pytest config, test_*.py files)"""
    for name in ("tests", "test", "conftest.py", "pytest.ini"):
        if (root / name).exists():
            return True
    pyproject = root / "pyproject.toml"
    try:
        if pyproject.is_file() and "[tool.pytest" in pyproject.read_text("utf-8", "replace"):
            return True
    except OSError:
        pass
    for _folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".")]
        if any(
            f.endswith(".py") and (f.startswith("test_") or f.endswith("_test.py")) for f in files
        ):
            return True
    return False


def _quiet_run(argv: list[str], cwd: Path, env: dict[str, str]) -> bool:
    try:
        done = subprocess.run(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def pytest_importable(python: str, root: Path, env: dict[str, str]) -> bool:
    """Can the project's interpreter import pytest? (asked with find_spec: nothing is imported)"""
    probe = "import importlib.util, sys; sys.exit(importlib.util.find_spec('pytest') is None)"
    return _quiet_run([python, "-I", "-c", probe], root, env)


def _env_for(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SECRET_ENV}
    own = project_python(root)
    if own is not None:  # the project's venv first on PATH, as if activated
        env["PATH"] = str(own.parent) + os.pathsep + env.get("PATH", "")
        env["VIRTUAL_ENV"] = str(own.parent.parent)
    env.setdefault("PYTHONUNBUFFERED", "1")  # so output streams instead of arriving at the end
    return env


def _shown(path: str, root: Path) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return path


def plan_verify(root: Path, changed: Iterable[str] = (), command: str | None = None) -> VerifyPlan:
    """Decide the steps for a project after an apply that wrote ``changed`` (relative paths).

    ``command`` (from ``--verify CMD``) wins over ``[tool.architect] verify``; with neither, the
    test step is pytest when the project plainly has tests and can import it.
    """
    from architect_tui.config import load_settings

    root = Path(root).resolve()
    env = _env_for(root)
    python = environment_python(root)
    steps: list[VerifyStep] = []
    sources = sorted({p for p in changed if p.endswith(".py") and (root / p).is_file()}, key=str)
    if sources:
        steps.append(
            VerifyStep("compile " + " ".join(sources), (python, "-I", "-c", _COMPILE, *sources))
        )
    configured = command or load_settings(root).verify
    note = None
    if configured:
        shell = ["/bin/sh", "-c"] if os.name != "nt" else ["cmd", "/c"]
        steps.append(VerifyStep(configured, (*shell, configured)))
    elif not has_tests(root):
        note = "no tests found and no [tool.architect] verify command: compile check only"
    elif not pytest_importable(python, root, env):
        note = f"the project has tests but pytest is not importable by {python}"
    else:
        steps.append(
            VerifyStep(
                f"{_shown(python, root)} -m pytest -q -x", (python, "-m", "pytest", "-q", "-x")
            )
        )
    return VerifyPlan(root, tuple(steps), env, note)


# -- running it -------------------------------------------------------------------------------


def _pump(stream: Any, lines: queue.Queue[str | None]) -> None:
    try:
        for raw in iter(stream.readline, b""):
            lines.put(raw.decode("utf-8", "replace").rstrip("\r\n"))
    except (OSError, ValueError):
        pass
    finally:
        lines.put(None)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End the step's whole process group (a test runner may have children): TERM, then KILL."""
    for sig, grace in ((signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def _run_step(
    plan: VerifyPlan,
    step: VerifyStep,
    deadline: float,
    cancel: threading.Event | None,
    tail: deque[str],
) -> Iterator[OutputLine | tuple[int | None, str | None]]:
    """Yield the step's output lines, then (exit code, None) or (None, "timeout"|"cancel")."""
    try:
        proc = subprocess.Popen(
            step.argv,
            cwd=plan.root,
            env=plan.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    except OSError as exc:
        line = f"cannot run {step.label}: {exc.strerror or exc}"
        tail.append(line)
        yield OutputLine(line)
        yield (127, None)
        return
    lines: queue.Queue[str | None] = queue.Queue()
    reader = threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True)
    reader.start()
    stopped: str | None = None
    exited = 0.0
    try:
        while True:
            if cancel is not None and cancel.is_set():
                stopped = "cancel"
                break
            if time.monotonic() >= deadline:
                stopped = "timeout"
                break
            try:
                line = lines.get(timeout=0.1)
            except queue.Empty:
                if proc.poll() is not None:  # ended; a child it left may hold the pipe open
                    exited = exited or time.monotonic()
                    if time.monotonic() - exited > 1.0:
                        break
                continue
            if line is None:
                break
            tail.append(line)
            yield OutputLine(line)
    finally:  # also when the consumer stops iterating: never leave the checks running
        if stopped or proc.poll() is None:
            _stop(proc)
        else:  # the step ended; end anything it left behind holding the pipe
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    yield (None, stopped) if stopped else (proc.returncode, None)


def stream_verify(
    plan: VerifyPlan, *, timeout: float | None = None, cancel: threading.Event | None = None
) -> Iterator[VerifyEvent]:
    """Run the plan's steps, yielding events; the last event is always :class:`Finished`."""
    from architect_tui.config import load_settings

    limit = timeout if timeout is not None else load_settings(plan.root).verify_timeout
    started = time.monotonic()
    deadline = started + limit
    tail: deque[str] = deque(maxlen=TAIL_LINES)
    if plan.note:
        tail.append(f"note: {plan.note}")
    code: int | None = 0
    stopped: str | None = None
    for step in plan.steps:
        yield StepStarted(step.label)
        for event in _run_step(plan, step, deadline, cancel, tail):
            if isinstance(event, OutputLine):
                yield event
            else:
                code, stopped = event
        if stopped:
            why = f"timed out after {limit:g} s" if stopped == "timeout" else "cancelled"
            tail.append(f"stopped: {why}")
            break
        if code != 0:
            break
    text = "\n".join(tail)
    yield Finished(
        VerifyResult(
            plan.command,
            None if stopped else code,
            text[-TAIL_CHARS:],
            time.monotonic() - started,
            timed_out=stopped == "timeout",
            cancelled=stopped == "cancel",
        )
    )


async def astream_verify(
    root: Path,
    changed: Iterable[str] = (),
    command: str | None = None,
    *,
    timeout: float | None = None,
) -> AsyncIterator[VerifyEvent]:
    """The same events as an async iterator, for an event loop (the TUI's worker).

    Planning (which may start an interpreter) and running happen in a thread; leaving the
    ``async for`` early or cancelling the task stops the checks (their process group ends within
    the TERM grace period, in the background, without blocking the loop).
    """
    import asyncio

    loop = asyncio.get_running_loop()
    events: asyncio.Queue[VerifyEvent | None] = asyncio.Queue()
    cancel = threading.Event()

    def post(event: VerifyEvent | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop may be gone once we are cancelled
            loop.call_soon_threadsafe(events.put_nowait, event)

    def work() -> None:
        try:
            plan = plan_verify(root, changed, command)
            for event in stream_verify(plan, timeout=timeout, cancel=cancel):
                post(event)
        finally:
            post(None)

    threading.Thread(target=work, name="architect-verify", daemon=True).start()
    try:
        while (event := await events.get()) is not None:
            yield event
    finally:
        cancel.set()


def run_verify(
    root: Path,
    changed: Iterable[str] = (),
    command: str | None = None,
    *,
    timeout: float | None = None,
    on_line: Callable[[str], None] | None = None,
    on_step: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
) -> VerifyResult:
    """Plan and run verification, handing each output line to ``on_line`` as it comes."""
    plan = plan_verify(root, changed, command)
    result: VerifyResult | None = None
    for event in stream_verify(plan, timeout=timeout, cancel=cancel):
        if isinstance(event, OutputLine) and on_line is not None:
            on_line(event.text)
        elif isinstance(event, StepStarted) and on_step is not None:
            on_step(event.label)
        elif isinstance(event, Finished):
            result = event.result
    if result is None:  # pragma: no cover - stream_verify always ends with Finished
        raise RuntimeError("verification ended without a result")
    return result


__all__ = [
    "Finished",
    "OutputLine",
    "StepStarted",
    "VerifyEvent",
    "VerifyPlan",
    "VerifyResult",
    "VerifyStep",
    "astream_verify",
    "plan_verify",
    "run_verify",
    "stream_verify",
]
