"""``architect routes [PATH] [--json] [--tree] [--sort ...] [--no-cache]``: the static map.

The table looks like ``flask routes`` (Endpoint, Methods, Rule) plus where the view lives; the
JSON is the contract of DESIGN.md section 4. Nothing here reads code: it calls
``read_project`` and prints what comes back.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from architect_tui.analysis.model import Blueprint, ProjectMap, Route

EXIT_OK = 0
EXIT_USAGE = 2
SORT_KEYS = ("endpoint", "rule", "methods", "file")


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default=".", help="project directory (default: .)")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument(
        "--json", action="store_true", help="print the map as JSON (stable contract)"
    )
    shape.add_argument("--tree", action="store_true", help="show app -> blueprints -> routes")
    parser.add_argument(
        "--sort", choices=SORT_KEYS, default="endpoint", help="table order (default: endpoint)"
    )
    parser.add_argument("--no-cache", action="store_true", help="ignore and do not write the cache")


def run(args: argparse.Namespace) -> int:
    from architect_tui.analysis import read_project
    from architect_tui.analysis.reader import ProjectError

    root = Path(args.path).expanduser()
    if not root.exists():
        print(f"architect routes: {args.path}: no such directory", file=sys.stderr)
        return EXIT_USAGE
    if not root.is_dir():
        print(f"architect routes: {args.path}: not a directory", file=sys.stderr)
        return EXIT_USAGE
    try:
        project = read_project(root, use_cache=not args.no_cache)
    except ProjectError as exc:
        print(f"architect routes: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        json.dump(project.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not project.apps and not project.routes:
        print(f"no Flask application found in {project.root}")
        _print_diagnostics(project)
        return EXIT_OK
    if args.tree:
        print("\n".join(tree_lines(project)))
    else:
        print("\n".join(table_lines(project, args.sort)))
    _print_diagnostics(project)
    return EXIT_OK


def _sort_key(sort: str):
    def key(route: Route) -> tuple[object, ...]:
        if sort == "rule":
            return (route.rule, route.endpoint)
        if sort == "methods":
            return (route.methods, route.rule)
        if sort == "file":
            return (route.span.file, route.span.line, route.rule)
        return (route.endpoint, route.rule)

    return key


def table_lines(project: ProjectMap, sort: str = "endpoint") -> list[str]:
    """``flask routes``-style columns plus the view's location.

    With more than one app, each app has its own ``url_map``: a blueprint both register is listed
    once per app, so an App column says which is which (sorted by app first).
    """
    several = len({a.name for a in project.apps}) > 1
    key = _sort_key(sort)
    routes = sorted(project.routes, key=(lambda r: (r.app or "", *key(r))) if several else key)
    head = ("Endpoint", "Methods", "Rule", "Location")
    rows = [(*(("App",) if several else ()), *head)]
    rows += [
        (
            *((r.app or "?",) if several else ()),
            r.endpoint,
            ", ".join(r.methods),
            r.rule,
            f"{r.span.file}:{r.span.line}",
        )
        for r in routes
    ]
    n = len(rows[0])
    widths = [max(len(row[i]) for row in rows) for i in range(n - 1)]
    fmt = "  ".join(f"{{{i}:<{w}}}" for i, w in enumerate(widths)) + f"  {{{n - 1}}}"
    lines = [fmt.format(*rows[0]).rstrip(), fmt.format(*("-" * w for w in (*widths, 8))).rstrip()]
    lines += [fmt.format(*row).rstrip() for row in rows[1:]]
    return lines


def tree_lines(project: ProjectMap) -> list[str]:
    """app -> blueprints (nested) -> routes, with box-drawing branches."""
    lines: list[str] = []
    app_names = [a.name for a in project.apps]
    orphans = [r for r in project.routes if r.app not in app_names]
    for app in project.apps:
        where = f"{app.span.file}:{app.span.line}"
        made = f" (factory {app.factory})" if app.factory else ""
        lines.append(f"{app.name}{made}  {where}")
        _tree_children(project, app.name, None, "", lines)
    if orphans:
        lines.append("(no app found; routes of blueprints registered at run time)")
        for i, route in enumerate(orphans):
            lines.append(_route_line(route, "", i == len(orphans) - 1))
    unregistered = [b for b in project.blueprints if not b.registered]
    if unregistered:
        lines.append("not registered:")
        for i, bp in enumerate(unregistered):
            branch = "└── " if i == len(unregistered) - 1 else "├── "
            lines.append(f"{branch}{bp.name}  {bp.span.file}:{bp.span.line}")
    return lines


def _tree_children(
    project: ProjectMap, app: str, parent: str | None, indent: str, lines: list[str]
) -> None:
    from architect_tui.analysis.model import Blueprint as BlueprintModel

    routes = [r for r in project.routes if r.app == app and r.blueprint == parent]
    children: list[Blueprint] = [
        b for b in project.blueprints if b.registered and b.app == app and b.parent == parent
    ]
    items: list[Route | Blueprint] = [*routes, *children]
    for i, item in enumerate(items):
        last = i == len(items) - 1
        branch = "└── " if last else "├── "
        if isinstance(item, BlueprintModel):
            prefix = f"  {item.full_prefix}" if item.full_prefix else ""
            lines.append(
                f"{indent}{branch}[{item.full_name}]{prefix}  {item.span.file}:{item.span.line}"
            )
            _tree_children(
                project, app, item.full_name, indent + ("    " if last else "│   "), lines
            )
        else:
            lines.append(_route_line(item, indent, last))


def _route_line(route: Route, indent: str, last: bool) -> str:
    branch = "└── " if last else "├── "
    methods = ", ".join(route.methods)
    return f"{indent}{branch}{route.rule}  {methods}  {route.endpoint}  {route.span.file}:{route.span.line}"


def _print_diagnostics(project: ProjectMap) -> None:
    shown = [d for d in project.diagnostics if d.severity != "info"]
    if not shown:
        return
    print(f"\n{len(shown)} note(s) on what could not be known statically:", file=sys.stderr)
    for d in shown:
        where = f"{d.file}:{d.line}" if d.line else d.file
        print(f"  {where}: {d.message}", file=sys.stderr)
