"""Bad input never stops the map: each bad file is skipped with a diagnostic, the rest is read."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from architect_tui.analysis import read_project
from architect_tui.analysis.reader import ProjectError
from architect_tui.analysis.sources import MAX_FILE_BYTES, list_python_files

from .conftest import FIXTURES

APP = """from flask import Flask

app = Flask(__name__)


@app.route("/ok")
def ok():
    return "ok"
"""


def _project(tmp_path: Path, extra: dict[str, bytes]) -> Path:
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    for name, data in extra.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tmp_path


def _rules(project) -> set[str]:
    return {r.rule for r in project.routes}


def _diag_for(project, file: str) -> str:
    found = [d.message for d in project.diagnostics if d.file == file]
    assert found, f"no diagnostic for {file}: {project.diagnostics}"
    return found[0]


def test_python2_file_is_skipped_with_a_hint() -> None:
    """A Python 2 file is a syntax error: skipped, named, and the app is still mapped."""
    project = read_project(FIXTURES / "py2_file", use_cache=False)
    assert "/ok" not in _rules(project) and "/" in _rules(project)
    message = _diag_for(project, "legacy.py")
    assert "syntax error" in message and "Python 2" in message


def test_non_utf8_file_without_cookie_is_skipped(tmp_path: Path) -> None:
    """Latin-1 bytes without a coding cookie are invalid for Python: skipped with the reason."""
    project = read_project(_project(tmp_path, {"bad.py": b"x = '\xe9t\xe9'\n"}), use_cache=False)
    assert "/ok" in _rules(project)
    assert "UTF-8" in _diag_for(project, "bad.py")


def test_pep263_cookie_is_honoured(tmp_path: Path) -> None:
    """A latin-1 file with a coding cookie reads like Python reads it, routes included."""
    source = (
        "# -*- coding: latin-1 -*-\nfrom app import app\n\n\n"
        "@app.route('/caf\xe9')\ndef cafe():\n    return ''\n"
    ).encode("latin-1")
    project = read_project(_project(tmp_path, {"views.py": source}), use_cache=False)
    assert "/café" in _rules(project)
    assert not [d for d in project.diagnostics if d.file == "views.py"]


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    """A file with NUL bytes is binary, not source."""
    project = read_project(_project(tmp_path, {"blob.py": b"x = 1\x00\x00"}), use_cache=False)
    assert "NUL" in _diag_for(project, "blob.py")
    assert "/ok" in _rules(project)


def test_huge_file_is_skipped(tmp_path: Path) -> None:
    """A file over the size limit is not parsed (generated code)."""
    data = b"x = 1\n" * (MAX_FILE_BYTES // 6 + 10)
    project = read_project(_project(tmp_path, {"generated.py": data}), use_cache=False)
    assert "limit" in _diag_for(project, "generated.py")
    assert "generated.py" in project.files


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    """A file the user cannot read becomes a diagnostic."""
    root = _project(tmp_path, {"secret.py": b"x = 1\n"})
    (root / "secret.py").chmod(0)
    try:
        project = read_project(root, use_cache=False)
    finally:
        (root / "secret.py").chmod(0o644)
    assert "cannot read" in _diag_for(project, "secret.py")


def test_fifo_named_like_python_is_not_opened(tmp_path: Path) -> None:
    """A FIFO would block a reader forever: it is refused as not a regular file."""
    root = _project(tmp_path, {})
    os.mkfifo(root / "pipe.py")
    project = read_project(root, use_cache=False)
    assert "regular file" in _diag_for(project, "pipe.py")
    assert "/ok" in _rules(project)


def test_symlink_loop_ends_the_walk(tmp_path: Path) -> None:
    """A folder symlinked into itself is walked once, with a diagnostic, not forever."""
    root = _project(tmp_path, {"pkg/__init__.py": b"", "pkg/mod.py": b"X = 1\n"})
    os.symlink(root / "pkg", root / "pkg" / "again")
    os.symlink(root / "nowhere.py", root / "dangling.py")
    project = read_project(root, use_cache=False)
    assert project.files.count("pkg/mod.py") == 1
    assert any("symlink" in d.message for d in project.diagnostics)
    assert "/ok" in _rules(project)


def test_empty_folder_has_no_app(tmp_path: Path) -> None:
    """An empty folder maps to nothing, without an error."""
    project = read_project(tmp_path, use_cache=False)
    assert (project.apps, project.routes, project.files) == ([], [], [])


def test_folder_without_flask_lists_its_files(tmp_path: Path) -> None:
    """Plain Python files: no app, but the files are listed for the TUI's tree."""
    (tmp_path / "tool.py").write_text("def main():\n    return 1\n", encoding="utf-8")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "util.py").write_text("X = 2\n", encoding="utf-8")
    project = read_project(tmp_path, use_cache=False)
    assert project.apps == [] and project.routes == []
    assert project.files == ["lib/util.py", "tool.py"]


def test_missing_path_is_a_project_error(tmp_path: Path) -> None:
    """A path that does not exist raises ProjectError with a clear message."""
    with pytest.raises(ProjectError, match="no such directory"):
        read_project(tmp_path / "nope")


def test_walk_skips_virtualenvs_and_hidden_and_build_folders(tmp_path: Path) -> None:
    """Third-party and generated code is not the project's."""
    for rel in (
        ".venv/lib/site.py",
        "env2/pyvenv.cfg",
        "env2/lib/x.py",
        "node_modules/pkg/a.py",
        "build/lib/b.py",
        ".hidden/c.py",
        "lib/python3.11/site-packages/d.py",
        "src/app/main.py",
    ):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("X = 1\n", encoding="utf-8")
    assert list_python_files(tmp_path).files == ["src/app/main.py"]


def test_git_repo_lists_tracked_and_untracked_but_not_ignored(tmp_path: Path) -> None:
    """In a git work tree, .gitignore decides."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("ignored.py\n", encoding="utf-8")
    for name in ("tracked.py", "untracked.py", "ignored.py"):
        (tmp_path / name).write_text("X = 1\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(tmp_path), "add", "tracked.py"], check=True)
    listing = list_python_files(tmp_path)
    assert listing.from_git
    assert listing.files == ["tracked.py", "untracked.py"]


def test_folder_ignored_by_git_is_walked_when_pointed_at(tmp_path: Path) -> None:
    """Pointing at a folder git ignores as a whole reads it like a folder outside git."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("vendored/\n", encoding="utf-8")
    (tmp_path / "vendored").mkdir()
    (tmp_path / "vendored" / "app.py").write_text(APP, encoding="utf-8")
    listing = list_python_files(tmp_path / "vendored")
    assert (listing.files, listing.from_git) == (["app.py"], False)
    assert list_python_files(tmp_path).files == []
