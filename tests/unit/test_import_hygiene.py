"""The core must never pull in Textual or the UI.

One fresh interpreter per core package imports each of its modules in turn and records the first
module after which ``textual`` or ``architect_tui.ui`` is loaded, so the failure names the culprit
without paying an interpreter start per module.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import architect_tui

CORE_PACKAGES = (
    "architect_tui.config",
    "architect_tui.analysis",
    "architect_tui.review",
    "architect_tui.rules",
    "architect_tui.patch",
    "architect_tui.vcs",
)

_PROBE = """
import importlib, json, pkgutil, sys
root = importlib.import_module(sys.argv[1])
names = [root.__name__]
if hasattr(root, "__path__"):
    names += [i.name for i in pkgutil.walk_packages(root.__path__, prefix=root.__name__ + ".")]
bad = {}
for name in names:
    importlib.import_module(name)
    loaded = [m for m in sys.modules if m == "textual" or m.startswith("textual.")
              or m.startswith("architect_tui.ui") or m.startswith("architect_tui.cli")]
    if loaded:
        bad[name] = sorted(loaded)[:3]
        break
print(json.dumps({"checked": len(names), "bad": bad}))
"""


@pytest.mark.parametrize("package", CORE_PACKAGES)
def test_core_package_does_not_import_textual_or_the_ui(package: str) -> None:
    """Importing every module of a core package leaves textual, ui and cli unloaded."""
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, package], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    assert result["checked"] >= 1
    assert result["bad"] == {}, f"{package}: {result['bad']}"


def test_version_is_exposed() -> None:
    """The package carries a version string the CLI prints."""
    assert architect_tui.__version__.count(".") == 2
