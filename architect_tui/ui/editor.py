"""Building the command that opens the user's editor at a line."""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path

# Editors that take ``+LINE FILE``; the rest get the file only, or their own syntax below.
_PLUS_LINE = {
    "vi",
    "vim",
    "nvim",
    "view",
    "nano",
    "emacs",
    "emacsclient",
    "micro",
    "kak",
    "joe",
    "mg",
    "ne",
    "jed",
    "hx",
    "helix",
    "ed",
    "pico",
}
_COLON_LINE_WITH_FLAG = {"code", "code-insiders", "codium", "cursor"}  # -g FILE:LINE
_COLON_LINE = {"subl", "zed", "mate"}  # FILE:LINE


def find_editor(environ: dict[str, str] | None = None) -> str | None:
    """``$VISUAL``, then ``$EDITOR``, then ``vi`` when it exists (what git does)."""
    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            return value
    return "vi" if shutil.which("vi") else None


def editor_command(editor: str, path: Path, line: int | None) -> list[str]:
    """The argv that opens ``path`` at ``line`` with ``editor`` (which may carry its own flags)."""
    argv = shlex.split(editor)
    if not argv:
        raise ValueError("empty editor command")
    name = Path(argv[0]).name
    if line is None or line < 1:
        return [*argv, str(path)]
    if name in _PLUS_LINE:
        return [*argv, f"+{line}", str(path)]
    if name in _COLON_LINE_WITH_FLAG:
        return [*argv, "-g", f"{path}:{line}"]
    if name in _COLON_LINE:
        return [*argv, f"{path}:{line}"]
    return [*argv, str(path)]
