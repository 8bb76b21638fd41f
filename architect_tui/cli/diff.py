"""``architect diff [BASE] [PATH] [--project PATH] [--json]``: the change as routes.

BASE is ``HEAD`` by default (the working tree and index against it), a commit or branch, or
``A...B`` (B against the merge base of A and B). A single argument that names an existing folder
is the project (``architect diff shop/``); give both, or ``--project``, to diff against a branch
named like a folder. Exit 0; 2 on a bad base or path. Nothing here reads code or git: it calls
``vcs.changeset.open_change`` and ``analysis.routediff.diff_change`` and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from architect_tui.cli import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from architect_tui.analysis.model import Route
    from architect_tui.analysis.routediff import Reason, RouteDiff


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "args",
        nargs="*",
        metavar="BASE [PATH]",
        help="base revision (default HEAD; A...B for B against its merge base with A), "
        "then the project directory (default: .)",
    )
    parser.add_argument("--project", default=None, help="project directory (default: .)")
    parser.add_argument("--json", action="store_true", help="print the diff as JSON (stable)")
    parser.add_argument("--no-cache", action="store_true", help="ignore and do not write the cache")


def split_args(args: list[str], project: str | None) -> tuple[str | None, str] | str:
    """(base, project path) from the positionals, or an error message."""
    if len(args) > 2:
        return f"too many arguments: {' '.join(args)}"
    if len(args) == 2:
        if project is not None:
            return "give the project either as PATH or with --project, not both"
        return args[0], args[1]
    if len(args) == 1 and project is None and Path(args[0]).expanduser().is_dir():
        return None, args[0]
    return (args[0] if args else None), project or "."


def run(args: argparse.Namespace) -> int:
    from architect_tui.analysis.reader import ProjectError
    from architect_tui.analysis.routediff import diff_change
    from architect_tui.rules.auth import route_auth_verdict
    from architect_tui.vcs.changeset import ChangeError, open_change

    split = split_args(list(args.args), args.project)
    if isinstance(split, str):
        print(f"architect diff: {split}", file=sys.stderr)
        return EXIT_USAGE
    base, path = split
    root = Path(path).expanduser()
    if not root.is_dir():
        print(f"architect diff: {path}: not a directory", file=sys.stderr)
        return EXIT_USAGE
    try:
        change = open_change(root, base)
        diff, _, _ = diff_change(
            root, change, use_cache=not args.no_cache, auth=route_auth_verdict
        )
    except (ChangeError, ProjectError) as exc:
        print(f"architect diff: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        json.dump(diff.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(table_lines(diff, change.base_label)))
    return EXIT_OK


#: Routes changed for the same reasons (a hook guards them all) are summed up past this many.
GROUP_AT = 4


def _route(route: Route) -> str:
    return f"{','.join(route.methods) or '-':<10} {route.rule}  {route.endpoint}"


def _reason(reason: Reason) -> str:
    via = f" via {reason.via}" if reason.via else ""
    return f"{reason.kind} {reason.name}{via} ({reason.file}:{reason.line})"


def table_lines(diff: RouteDiff, label: str) -> list[str]:
    """One line per affected route, grouped: added, removed, changed, code changed."""
    base = diff.base[:12]
    shown = label if label.startswith(base[:7]) else f"{label} = {base}"
    head = diff.head if diff.head == "working tree" else diff.head[:12]
    lines = [f"{shown} -> {head}: {len(diff.files)} file(s) changed"]
    if diff.empty:
        lines.append("no route changed")
        return lines
    for title, routes in (("added", diff.added), ("removed", diff.removed)):
        if routes:
            lines.append(f"\n{title} ({len(routes)}):")
            lines += [f"  {_route(r)}  {r.span.file}:{r.span.line}" for r in routes]
    if diff.changed:
        lines.append(f"\nchanged ({len(diff.changed)}):")
        for c in diff.changed:
            lines.append(f"  {_route(c.after)}  [{', '.join(c.fields)}]")
            for name, old, new in c.describe():
                lines.append(f"      {name}: {old} -> {new}")
    if diff.code_changed:
        lines.append(f"\ncode changed ({len(diff.code_changed)}):")
        groups: dict[tuple[Reason, ...], list[Route]] = {}
        for cc in diff.code_changed:
            groups.setdefault(cc.reasons, []).append(cc.route)
        for reasons, routes in groups.items():
            why = "; ".join(_reason(r) for r in reasons)
            if len(routes) > GROUP_AT:
                names = ", ".join(r.endpoint for r in routes[:GROUP_AT])
                more = f", and {len(routes) - GROUP_AT} more" if len(routes) > GROUP_AT else ""
                lines.append(f"  {why}: {len(routes)} routes ({names}{more})")
            else:
                lines += [f"  {_route(r)}" for r in routes]
                lines.append(f"      {why}")
    return lines
