"""How an undo reads in one line, for the changes view and the main screen's ``u`` alike."""

from __future__ import annotations

from pathlib import Path

from architect_tui.vcs import UndoReport


def undo_summary(report: UndoReport, root: Path) -> str:
    """``Restored shop/views.py; removed shop/new.py.``: an undo that takes away a file the
    apply created says so (the checkpoint reports both as restored; the disk tells them apart).
    """
    restored: list[str] = []
    removed: list[str] = []
    for f in report.files:
        if f.status == "removed" or (f.status == "restored" and not (root / f.path).exists()):
            removed.append(f.path)
        elif f.status == "restored":
            restored.append(f.path)
    parts = []
    if restored:
        parts.append(f"Restored {', '.join(restored)}")
    if removed:
        parts.append(f"{'removed' if parts else 'Removed'} {', '.join(removed)}")
    return ("; ".join(parts) or "Nothing restored") + "."
