"""The app over the real static reader: a project with broken files, and what the first frame
may import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ui_project import settle, write_project

from architect_tui.ui.project_io import read_in_process
from architect_tui.ui.widgets.map_tree import DiagnosticsGroup, MapTree


async def test_broken_files_show_as_diagnostics(make_app, tmp_path: Path, monkeypatch) -> None:
    """A file that does not parse is a diagnostic the user can jump to; the rest is mapped."""
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "cache"))
    root = write_project(tmp_path / "broken-shop")
    (root / "shop" / "broken.py").write_text("def oops(:\n    pass\n")
    (root / "shop" / "latin1.py").write_bytes(b"# caf\xe9\nx = 1\n")
    app = make_app(root=root, reader=read_in_process)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.project is not None
        assert screen.project.route_by_endpoint("auth.login") is not None
        tree = screen.query_one(MapTree)
        group = tree.find_node(DiagnosticsGroup)
        assert group is not None
        broken = [n for n in group.children if n.data.file == "shop/broken.py"]
        assert broken, [n.data for n in group.children]
        tree.move_cursor(group)
        await pilot.press("enter")
        tree.move_cursor(broken[0])
        await pilot.pause()
        assert screen.code_view.path == "shop/broken.py"
        assert "def oops(:" in screen.code_view.text


def test_first_frame_imports_no_llm_sdk_and_no_parser() -> None:
    """Opening the app must not pay for anthropic (1-2 s) or LibCST (the reader's child has it)."""
    code = (
        "import sys\n"
        "import architect_tui.cli.tui, architect_tui.ui.app\n"
        "heavy = sorted(m for m in ('anthropic', 'libcst', 'git') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""
