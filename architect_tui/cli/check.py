"""``architect check [PATH] [--format text|json|sarif] [--fail-on SEVERITY]``: the CI gate.

Runs the offline rules over the project. Exit 1 when a finding at or above ``--fail-on``
(default: the project's ``fail_on`` setting, ``high`` out of the box) exists, 0 otherwise, 2 on
usage errors or a path that is not a directory.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from architect_tui.cli import EXIT_OK, EXIT_USAGE

EXIT_FINDINGS = 1
LEVELS = ("critical", "high", "medium", "low", "info")


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default=".", help="project directory (default: .)")
    parser.add_argument(
        "--format", choices=("text", "json", "sarif"), default="text", help="output format"
    )
    parser.add_argument(
        "--fail-on",
        choices=LEVELS,
        default=None,
        help="exit 1 when a finding of this severity or worse exists "
        "(default: fail_on from the project config, else high)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULE",
        help="silence a rule id or a category (repeatable; adds to ignore_rules)",
    )
    parser.add_argument(
        "--output", "-o", default=None, help="write the report to this file instead of stdout"
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="print the rules (id, severity, category, title)"
    )
    parser.add_argument(
        "--changed-since",
        default=None,
        metavar="BASE",
        help="report only findings on lines changed since BASE (git: the working tree against "
        "BASE, or A...B for B against its merge base with A)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="processes for a large check without fixes (text, sarif); default: one per core",
    )


def run(args: argparse.Namespace) -> int:
    if args.list_rules:
        from architect_tui.rules.registry import ALL_RULES

        for rule in ALL_RULES:
            print(f"{rule.id}  {rule.severity:<8} {rule.category:<9} {rule.title}")
        return EXIT_OK
    root = Path(args.path)
    if not root.is_dir():
        print(f"architect check: {args.path!r} is not a directory", file=sys.stderr)
        return EXIT_USAGE
    from architect_tui import __version__
    from architect_tui.config import load_settings
    from architect_tui.rules.engine import check_project
    from architect_tui.rules.report import (
        at_or_above,
        format_json,
        format_sarif,
        format_text,
        summary_line,
    )

    settings = load_settings(root)
    fail_on = args.fail_on or settings.fail_on
    if fail_on not in LEVELS:
        print(
            f"architect check: fail_on {fail_on!r} in the config is not one of {', '.join(LEVELS)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    change = None
    if args.changed_since:
        from architect_tui.vcs.changeset import ChangeError, open_change

        try:
            change = open_change(root, args.changed_since)
        except ChangeError as exc:
            print(f"architect check: {exc}", file=sys.stderr)
            return EXIT_USAGE
    from architect_tui.rules.parallel import default_jobs

    result = check_project(
        root,
        ignore=(*settings.ignore_rules, *args.ignore),
        fixes=args.format == "json",
        only=None if change is None else change.paths,
        jobs=args.jobs if args.jobs > 0 else default_jobs(),
    )
    if change is not None:  # a baseline: findings on lines the change did not touch are old
        result.violations = change.keep(result.violations)
    if args.format == "json":
        text = format_json(result, root.resolve())
    elif args.format == "sarif":
        text = format_sarif(result, root, __version__)
    else:
        text = format_text(result)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"architect check: cannot write {args.output}: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(summary_line(result), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_FINDINGS if at_or_above(result.violations, fail_on) else EXIT_OK
