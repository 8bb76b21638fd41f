"""The core must never pull in Textual or the UI: checked in a fresh interpreter per module."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import architect_tui

CORE_PACKAGES = ("analysis", "review", "patch", "vcs")


def _core_modules() -> list[str]:
    names = ["architect_tui.config"]
    for package in CORE_PACKAGES:
        module = __import__(f"architect_tui.{package}", fromlist=["_"])
        names.append(module.__name__)
        names.extend(
            info.name for info in pkgutil.walk_packages(module.__path__, prefix=f"{module.__name__}.")
        )
    return names


@pytest.mark.parametrize("module", _core_modules())
def test_core_module_does_not_import_textual(module: str) -> None:
    """Importing a core module leaves textual and architect_tui.ui unloaded."""
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('architect_tui.ui')]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} imports {out.stdout.strip()}"


def test_version_is_exposed() -> None:
    """The package carries a version string the CLI prints."""
    assert architect_tui.__version__.count(".") == 2
