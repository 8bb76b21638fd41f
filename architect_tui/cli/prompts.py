"""``architect prompts``: which prompt files a review in this project reads, and from where."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--project", default=".", metavar="PATH", help="project directory (default: .)"
    )
    parser.add_argument(
        "--lens", default=None, metavar="NAME", help="only the files a review with this lens reads"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from architect_tui.review.prompts import PROJECT_DIR, load_prompts

    root = Path(args.project).expanduser()
    if not root.is_dir():
        print(f"architect prompts: {args.project}: no such directory", file=sys.stderr)
        return 2
    root = root.resolve()
    prompts = load_prompts(root)
    if args.lens is not None and args.lens not in prompts.lenses:
        known = ", ".join(prompts.lenses) or "none"
        print(f"architect prompts: unknown lens {args.lens!r} (known: {known})", file=sys.stderr)
        return 2
    files = prompts.in_use(args.lens)
    if args.json:
        rows = [{"name": f.name, "origin": f.origin, "role": f.role, "path": f.path} for f in files]
        print(json.dumps({"lenses": prompts.lenses, "files": rows}, indent=2))
        return 0
    width = max((len(f.name) for f in files), default=4)
    for f in files:
        print(f"{f.name:<{width}}  {f.origin:<7}  {f.role:<8}  {f.path}")
    print(f"\nlenses: {', '.join(prompts.lenses)}")
    print(f"project overrides: {root / PROJECT_DIR} (same name replaces, NAME.extend.md appends,")
    print("extend.md appends to every review)")
    return 0
