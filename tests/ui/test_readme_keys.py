"""The README's keys table is generated from the bindings, so it cannot drift."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _updater():
    spec = importlib.util.spec_from_file_location(
        "update_readme_keys", ROOT / "scripts" / "update_readme_keys.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_readme_keys_table_matches_the_bindings() -> None:
    """README.md's keys block equals the table generated from the app's bindings."""
    updater = _updater()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert updater.START in readme
    assert updater.render(readme) == readme, (
        "run: make screenshots (or scripts/update_readme_keys.py)"
    )
