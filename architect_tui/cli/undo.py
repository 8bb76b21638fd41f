"""``architect undo [--project PATH] [--json]``: restore the latest checkpoint byte for byte.

Exit 0 when restored; 1 when there is nothing to undo, a file changed since the apply (bytes or
mode), the checkpoint is unsafe to restore, or another apply/undo holds the project's lock (then
nothing is written); 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", default=".", help="project directory (default: .)")
    parser.add_argument("--json", action="store_true", help="print the JSON report")
    parser.add_argument("--list", action="store_true", help="list the checkpoints, newest first")


def run(args: argparse.Namespace) -> int:
    from architect_tui.vcs import list_checkpoints, undo

    root = Path(args.project)
    if not root.is_dir():
        print(f"architect undo: not a directory: {args.project}", file=sys.stderr)
        return 2
    if args.list:
        chain = list_checkpoints(root)
        if args.json:
            print(json.dumps([c.summary() for c in chain], indent=2))
        for c in [] if args.json else chain:
            if c.problem:  # a planted or damaged checkpoint: undo refuses it, say why
                print(f"{c.id}  cannot be restored: {c.problem}")
                continue
            print(f"{c.id}  {c.created}  {c.message}  ({', '.join(f.path for f in c.files)})")
        return 0
    report = undo(root)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        for f in report.files:
            print(f"{f.status:<10} {f.path}" + (f"  ({f.reason})" if f.reason else ""))
    if not report.undone:
        print(f"architect undo: {report.reason}", file=sys.stderr)
        return 1
    return 0
