"""Static Flask reader: project files -> ProjectMap. Never imports or runs the user's code.

Kept import-light: ``read_project`` loads the reader on first call, so importing the package (for
the model) costs nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from architect_tui.analysis.model import ProjectMap

__all__ = ["ProjectError", "read_project"]


def read_project(root: Path, *, use_cache: bool = True) -> ProjectMap:
    """Map the Flask apps, blueprints and routes under ``root`` (see ``reader.read_project``).

    Raises ``ProjectError`` (a ``ValueError``) when ``root`` is missing or not a folder.
    """
    from architect_tui.analysis.reader import read_project as _read

    return _read(root, use_cache=use_cache)


def __getattr__(name: str) -> object:
    if name == "ProjectError":
        from architect_tui.analysis.reader import ProjectError

        return ProjectError
    raise AttributeError(name)
