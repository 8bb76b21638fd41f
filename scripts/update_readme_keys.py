"""Write the keys table (generated from the app's bindings) into README.md between its markers.

``make screenshots`` runs this, and tests/ui/test_readme_keys.py fails when the README drifts.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from architect_tui.ui.keys import markdown_table  # noqa: E402

START, END = "<!-- keys:start -->", "<!-- keys:end -->"
BLOCK = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)


def render(readme: str) -> str:
    """The README with its keys block replaced by the current table."""
    return BLOCK.sub(lambda _: f"{START}\n{markdown_table().rstrip()}\n{END}", readme, count=1)


if __name__ == "__main__":
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    if START not in text:
        raise SystemExit("README.md has no keys markers")
    path.write_text(render(text), encoding="utf-8")
    print("README.md keys table updated")
