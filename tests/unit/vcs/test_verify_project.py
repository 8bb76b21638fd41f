"""Verification after an apply, on real tmp projects with their own virtualenvs and real pytest."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from architect_tui.patch.verify import (
    Finished,
    OutputLine,
    StepStarted,
    astream_verify,
    plan_verify,
    run_verify,
)

PYTEST_SITE = Path(pytest.__file__).resolve().parent.parent  # where this pytest is installed


def make_venv(root: Path, *, with_pytest: bool) -> Path:
    """A real virtualenv in the project; with_pytest links this interpreter's site-packages."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root / ".venv")], check=True)
    if with_pytest:
        site = next((root / ".venv" / "lib").glob("python3*/site-packages"))
        (site / "outer.pth").write_text(f"{PYTEST_SITE}\n")
    return root / ".venv" / "bin" / "python"


def project(
    tmp_path: Path, test_body: str, app: str = "def add(a, b):\n    return a + b\n"
) -> Path:
    root = tmp_path / "proj"
    (root / "tests").mkdir(parents=True)
    (root / "app.py").write_text(app)
    (root / "tests" / "test_app.py").write_text(
        "import sys, pathlib\nsys.path.insert(0, str(pathlib.Path(__file__).parents[1]))\n"
        "from app import add\n\n\ndef test_add():\n" + test_body
    )
    return root


@pytest.fixture(scope="module")
def shared_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One venv with pytest, copied by symlink into each project (creating one costs ~2 s)."""
    home = tmp_path_factory.mktemp("venv")
    make_venv(home, with_pytest=True)
    return home / ".venv"


def link_venv(root: Path, venv: Path) -> None:
    os.symlink(venv, root / ".venv")


def test_passing_tests_pass_and_stream(tmp_path: Path, shared_venv: Path) -> None:
    """A project whose tests pass: compile check + the venv's pytest, exit 0, lines streamed."""
    root = project(tmp_path, "    assert add(1, 2) == 3\n")
    link_venv(root, shared_venv)
    seen: list[str] = []
    result = run_verify(root, ["app.py"], on_line=seen.append)
    assert result.ok and result.exit == 0, result.output_tail
    assert result.command == "compile app.py && .venv/bin/python -m pytest -q -x"
    assert "1 passed" in result.output_tail
    assert any("1 passed" in line for line in seen)  # streamed, not only in the tail
    assert result.to_json().keys() >= {"command", "exit", "output_tail", "seconds"}


def test_failing_test_fails_with_its_output(tmp_path: Path, shared_venv: Path) -> None:
    """The change broke a test: exit 1 and pytest's failure summary in output_tail."""
    root = project(tmp_path, "    assert add(1, 2) == 4\n")
    link_venv(root, shared_venv)
    result = run_verify(root, ["app.py"])
    assert not result.ok and result.exit == 1
    assert "1 failed" in result.output_tail and "assert 3 == 4" in result.output_tail


def test_syntax_error_is_caught_by_the_compile_check(tmp_path: Path, shared_venv: Path) -> None:
    """A changed file that does not compile stops verification before the tests run."""
    root = project(tmp_path, "    assert True\n", app="def add(a, b)\n    return a + b\n")
    link_venv(root, shared_venv)
    result = run_verify(root, ["app.py", "README.md"])
    assert result.exit == 1
    assert "app.py:1: SyntaxError" in result.output_tail
    assert "passed" not in result.output_tail  # pytest never ran
    assert not (root / "__pycache__").exists()  # compiled, never imported, no pyc written


def test_compile_check_only_when_there_are_no_tests(tmp_path: Path) -> None:
    """No tests, no config: only the compile check runs, and the result says why."""
    root = tmp_path / "p"
    root.mkdir()
    (root / "mod.py").write_text("x = 1\n")
    result = run_verify(root, ["mod.py"])
    assert result.ok and result.command == "compile mod.py"
    assert "no tests found" in result.output_tail


def test_tests_but_no_pytest_in_the_projects_venv(tmp_path: Path) -> None:
    """The project's own venv lacks pytest: no test step, and the note says so."""
    root = project(tmp_path, "    assert True\n")
    make_venv(root, with_pytest=False)
    plan = plan_verify(root, ["app.py"])
    assert [s.label for s in plan.steps] == ["compile app.py"]
    assert plan.note and "pytest is not importable" in plan.note


def test_configured_command_wins_and_gets_no_api_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[tool.architect] verify runs as written, through the shell, without our API keys."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-must-not-leak")
    root = tmp_path / "p"
    root.mkdir()
    (root / "pyproject.toml").write_text(
        '[tool.architect]\nverify = "env && echo checked > marker.txt && exit 3"\n'
    )
    result = run_verify(root, [])
    assert result.command == "env && echo checked > marker.txt && exit 3"
    assert result.exit == 3 and not result.ok
    assert (root / "marker.txt").read_text() == "checked\n"
    assert "sk-ant-must-not-leak" not in result.output_tail
    assert "PATH=" in result.output_tail
    override = run_verify(root, [], "echo from the command line")
    assert override.ok and "from the command line" in override.output_tail


def gone(pid: int) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_timeout_stops_the_whole_process_group(tmp_path: Path) -> None:
    """A hanging check is stopped at the timeout, children included; exit is None."""
    root = tmp_path / "p"
    root.mkdir()
    cmd = "sleep 60 & echo $! > child.pid; echo started; wait"
    started = time.monotonic()
    result = run_verify(root, [], cmd, timeout=1.5)
    assert result.timed_out and result.exit is None and not result.ok
    assert time.monotonic() - started < 30
    assert "started" in result.output_tail and "timed out after 1.5 s" in result.output_tail
    assert gone(int((root / "child.pid").read_text()))


def test_cancel_from_the_consumer(tmp_path: Path) -> None:
    """The TUI cancels: setting the event stops the run and the result says cancelled."""
    root = tmp_path / "p"
    root.mkdir()
    cancel = threading.Event()
    result = run_verify(
        root, [], "echo one; sleep 60", on_line=lambda _line: cancel.set(), cancel=cancel
    )
    assert result.cancelled and result.exit is None and "one" in result.output_tail


async def test_async_stream_yields_lines_then_the_result(tmp_path: Path) -> None:
    """For the TUI: an async iterator of plain events, ending with Finished."""
    root = tmp_path / "p"
    root.mkdir()
    (root / "mod.py").write_text("x = 1\n")
    events = [e async for e in astream_verify(root, ["mod.py"], "echo alpha; echo beta")]
    assert [e.label for e in events if isinstance(e, StepStarted)] == [
        "compile mod.py",
        "echo alpha; echo beta",
    ]
    assert [e.text for e in events if isinstance(e, OutputLine)] == ["alpha", "beta"]
    assert isinstance(events[-1], Finished) and events[-1].result.ok


async def test_leaving_the_async_stream_stops_the_check(tmp_path: Path) -> None:
    """Breaking out (a closed screen, a cancelled worker) ends the running command."""
    root = tmp_path / "p"
    root.mkdir()
    stream = astream_verify(root, [], "echo $$ > sh.pid; echo go; sleep 60")
    async for event in stream:
        if isinstance(event, OutputLine) and event.text == "go":
            break
    await stream.aclose()
    assert gone(int((root / "sh.pid").read_text()))
