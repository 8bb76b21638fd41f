"""Print the app's keys as a Markdown table (for the README), generated from the bindings."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from architect_tui.ui.keys import markdown_table

if __name__ == "__main__":
    print(markdown_table())
