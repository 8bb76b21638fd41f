"""The states a project can be in: no Flask app, a reader that fails, git or not."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from ui_project import settle

from architect_tui.analysis.model import ProjectMap
from architect_tui.ui.project_io import (
    ReadCancelled,
    git_summary,
    read_in_child,
    scan_python_files,
)
from architect_tui.ui.widgets.code_view import CodeView
from architect_tui.ui.widgets.empty_state import EmptyState


def _plain_project(root: Path) -> Path:
    (root / "tools").mkdir(parents=True)
    (root / "tools" / "cli.py").write_text("import sys\n\n\ndef main():\n    print(sys.argv)\n")
    (root / "setup.py").write_text("print('hi')\n")
    (root / ".venv" / "lib").mkdir(parents=True)
    (root / ".venv" / "lib" / "site.py").write_text("x = 1\n")
    return root


async def test_no_flask_app_shows_a_friendly_empty_state(make_app, tmp_path: Path) -> None:
    """A folder with Python but no app: say what was looked for; the files tree still works."""
    root = _plain_project(tmp_path / "plain")

    def reader(r: Path, _cache: bool) -> ProjectMap:
        return ProjectMap(root=r, files=["setup.py", "tools/cli.py"])

    app = make_app(root=root, reader=reader)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#left-switcher").current == "empty"
        text = str(screen.query_one(EmptyState).render())
        assert "No Flask app found" in text and str(root) in text
        assert "register_blueprint" in text and "2 Python files read" in text
        await pilot.press("t")
        await settle(pilot)
        assert screen.query_one("#left-switcher").current == "files"
        node = screen.files_tree.find_file("tools/cli.py")
        screen.files_tree.move_cursor(node)
        await pilot.pause()
        assert screen.selection.kind == "file" and screen.selection.file == "tools/cli.py"
        assert "def main" in screen.query_one(CodeView).text
        await pilot.press("t")
        assert screen.query_one("#left-switcher").current == "empty"


async def test_a_failing_reader_leaves_the_app_usable(make_app, tmp_path: Path) -> None:
    """If the reader raises, the error is shown, and the files come from a plain scan."""
    root = _plain_project(tmp_path / "broken")
    (root / "tools" / "bad.py").write_text("def broken(:\n")

    def reader(_r: Path, _cache: bool) -> ProjectMap:
        raise RuntimeError("parser exploded on tools/bad.py")

    app = make_app(root=root, reader=reader)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.project is None
        text = str(screen.query_one(EmptyState).render())
        assert "Could not read this project" in text and "parser exploded" in text
        assert any("parser exploded" in n for n in app.notes)
        assert screen.files == ["setup.py", "tools/bad.py", "tools/cli.py"]
        await pilot.press("t")
        await settle(pilot)
        node = screen.files_tree.find_file("tools/bad.py")
        screen.files_tree.move_cursor(node)
        await pilot.pause()
        assert "def broken(:" in screen.query_one(CodeView).text
        screen.query_one(CodeView).focus()
        await pilot.press("v", "v")
        await pilot.pause()
        assert screen.selection.kind == "range" and screen.selection.label == "tools/bad.py:1-1"


async def test_header_says_not_a_git_repo(make_app, tmp_path: Path) -> None:
    """The real git probe on a plain folder: "not a git repo" in the header."""
    root = _plain_project(tmp_path / "nogit")
    app = make_app(root=root, reader=lambda r, _c: ProjectMap(root=r), git=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.sub_title == "not a git repo"


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_git_summary_counts_changed_files(tmp_path: Path) -> None:
    """Branch name and the number of changed (modified or untracked) files."""
    root = _plain_project(tmp_path / "repo")
    _git(root, "init", "-q", "-b", "trunk")
    _git(root, "add", "setup.py")
    _git(root, "commit", "-q", "-m", "first")
    assert git_summary(root) == "⎇ trunk · 2 changed"  # tools/ and .venv/ untracked
    (root / "setup.py").write_text("print('changed')\n")
    assert git_summary(root) == "⎇ trunk · 3 changed"


def test_git_summary_outside_git(tmp_path: Path) -> None:
    assert git_summary(tmp_path) == "not a git repo"


def test_scan_skips_virtualenvs_and_caches(tmp_path: Path) -> None:
    root = _plain_project(tmp_path / "scan")
    (root / "__pycache__").mkdir()
    (root / "__pycache__" / "x.py").write_text("")
    assert scan_python_files(root) == ["setup.py", "tools/cli.py"]


def test_default_reader_reads_in_a_child_process(
    shop_root: Path, tmp_path: Path, monkeypatch
) -> None:
    """The production reader: the real static reader, run in a spawned process."""
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "cache"))
    project = read_in_child(shop_root, True)
    assert {r.endpoint for r in project.routes} >= {"auth.login", "api.delete_item", "index"}
    assert project.root == shop_root


def test_child_reader_reports_the_readers_error(tmp_path: Path) -> None:
    """A reader error comes back as an exception with its message, not a dead UI."""
    with pytest.raises(Exception, match="missing"):
        read_in_child(tmp_path / "missing", True)


def test_child_reader_can_be_cancelled(shop_root: Path) -> None:
    """A superseded read stops at once and kills its process."""
    with pytest.raises(ReadCancelled):
        read_in_child(shop_root, False, cancelled=lambda: True)
