"""The app as the snapshot tests see it: a fixed project on disk (``project/``), the hand-built
map for it (shared with the Pilot tests), no git, no cursor blink, a fixed theme."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.pilot import Pilot

HERE = Path(__file__).parent
PROJECT = HERE / "project"
sys.path.insert(0, str(HERE.parent / "ui"))

from ui_project import FILES, settle, shop_map  # noqa: E402

from architect_tui.analysis.model import ProjectMap  # noqa: E402
from architect_tui.ui.app import ArchitectApp  # noqa: E402

__all__ = ["FILES", "PROJECT", "make_app", "settle"]


def make_app(
    *, empty: bool = False, theme: str = "textual-dark", root: Path = PROJECT
) -> ArchitectApp:
    def reader(root: Path, _cache: bool) -> ProjectMap:
        if empty:
            return ProjectMap(root=root, files=["plain/cli.py"])
        project = shop_map(root)
        project.files = [*project.files, "plain/cli.py"]
        return project

    return ArchitectApp(
        root,
        reader=reader,
        git_probe=lambda _root: "⎇ main · clean",
        cursor_blink=False,
        theme=theme,
    )


async def keys(pilot: Pilot, *presses: str) -> None:
    """Settle, press, settle: the screen a user sees once everything arrived."""
    await settle(pilot)
    for key in presses:
        await pilot.press(key)
        await settle(pilot)
