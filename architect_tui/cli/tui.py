"""``architect [PATH]``: open the TUI on a project folder."""

from __future__ import annotations

import sys
from pathlib import Path


def run_tui(path: str) -> int:
    """Exit 2 with one clear line for a bad path; the app itself is imported only when needed."""
    root = Path(path).expanduser()
    if root.is_file():
        print(
            f"architect: {path} is a file; give the project's folder (e.g. {root.parent or '.'})",
            file=sys.stderr,
        )
        return 2
    if not root.is_dir():
        print(f"architect: {path}: no such directory", file=sys.stderr)
        return 2
    from architect_tui.ui.app import ArchitectApp

    ArchitectApp(root.resolve()).run()
    return 0
