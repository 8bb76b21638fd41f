"""``architect [PATH]``: open the TUI."""

from __future__ import annotations

import sys
from pathlib import Path


def run_tui(path: str) -> int:
    root = Path(path).expanduser()
    if not root.is_dir():
        print(f"architect: {path}: no such directory", file=sys.stderr)
        return 2
    from architect_tui.ui.app import ArchitectApp

    ArchitectApp(root.resolve()).run()
    return 0
