"""Regenerate screenshots/*.svg from the real app on the example project (``make screenshots``).

Drives ArchitectApp with Textual's Pilot (the real reader, the real git probe) and saves what a
user would see: the map, a route with its details, the filter, the files tree, the keys.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
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

# Worker groups that wait for the user's answer on a modal screen.
USER_WAITS = {"review-setup", "history"}

# Shots that write (saved reviews, applied changes) run on a git copy of the project.
# catalog.search carries planted flaws with offline autofixes; no key: the offline architect.
REVIEW_SHOTS: dict[str, tuple[str, ...]] = {
    "review": ("ctrl+p", *"catalog.search", "enter", "R", "down", "up", "enter"),
    "changes": ("ctrl+p", *"catalog.search", "enter", "R", "down", "up", "enter", "c"),
}


async def _settle(pilot: Pilot) -> None:
    """Wait until the app is idle: no running worker except those waiting for the user (a
    review's setup waits on the lens, ask and context screens; waiting on it would hang)."""
    app = pilot.app
    for _ in range(200):
        await pilot.pause(0.05)
        busy = [w for w in app.workers if w.is_running and w.group not in USER_WAITS]
        if not busy:
            return


async def shoot(
    project: Path, out: Path, name: str, keys: Sequence[str], size: tuple[int, int]
) -> Path:
    app = ArchitectApp(project, cursor_blink=False, theme="textual-dark")
    async with app.run_test(size=size) as pilot:
        # The read starts after the first paint: wait for the map before anything else.
        for _ in range(400):
            await _settle(pilot)
            if getattr(app.screen, "project", None) is not None:
                break
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
    for key in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        os.environ.pop(key, None)
    with tempfile.TemporaryDirectory() as tmp:
        for name, keys in REVIEW_SHOTS.items():
            for size in ((120, 40), (80, 24)):  # 80x24: the review takes the map's column
                copy = Path(tmp) / f"{name}-{size[0]}" / project.name
                shutil.copytree(
                    project, copy, ignore=shutil.ignore_patterns(".architect", "__pycache__")
                )
                _git_init(copy)
                print(asyncio.run(shoot(copy, args.out, name, keys, size)).relative_to(REPO))
    return 0


def _git_init(path: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "shop",
        "GIT_AUTHOR_EMAIL": "shop@example.com",
        "GIT_COMMITTER_NAME": "shop",
        "GIT_COMMITTER_EMAIL": "shop@example.com",
    }
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "shop"]):
        subprocess.run(["git", *command], cwd=path, env=env, check=True)


if __name__ == "__main__":
    raise SystemExit(main())
