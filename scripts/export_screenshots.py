"""Regenerate screenshots/*.svg from the real app on the example project (``make screenshots``).

Drives ArchitectApp with Textual's Pilot (the real reader, the real git probe) and saves what a
user would see: the map, a route with its details, the filter, the files tree, the keys.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from textual.pilot import Pilot  # noqa: E402

from architect_tui.ui.app import ArchitectApp  # noqa: E402

# name -> keys pressed after the map is filled
SHOTS: dict[str, tuple[str, ...]] = {
    "map": (),
    # orders.invoice: the one view of its blueprint without @login_required
    "route": ("ctrl+p", *"invoice", "enter"),
    "filter": ("slash", *"orders post"),
    "files": ("t", "down", "down", "down", "down"),
    "mark": ("ctrl+p", *"checkout", "enter", "tab", "v", "down", "down", "down", "v"),
    "help": ("question_mark",),
}


async def _settle(pilot: Pilot) -> None:
    app = pilot.app
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            return


async def shoot(
    project: Path, out: Path, name: str, keys: Sequence[str], size: tuple[int, int]
) -> Path:
    app = ArchitectApp(project, cursor_blink=False, theme="textual-dark")
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(pilot)
        suffix = "" if size == (120, 40) else f"-{size[0]}x{size[1]}"
        filename = f"{name}{suffix}.svg"
        app.title = f"architect {project.name}"
        app.save_screenshot(filename=filename, path=str(out))
    return out / filename


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO / "examples" / "shop")
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    args = parser.parse_args(argv)
    if not args.project.is_dir():
        print(f"export_screenshots: no project at {args.project}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    project = args.project.resolve()
    for name, keys in SHOTS.items():
        print(asyncio.run(shoot(project, args.out, name, keys, (120, 40))).relative_to(REPO))
    for name in ("route", "help"):
        print(asyncio.run(shoot(project, args.out, name, SHOTS[name], (80, 24))).relative_to(REPO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
