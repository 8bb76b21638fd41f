"""``architect apply FILE|- [--project PATH] [--dry-run] [--partial] [--json] [--allow-outside]``.

Reads a review (markdown, a bare diff, or ``architect review --format json`` output) and applies
its proposed changes. Exit 0: every hunk applied (or would, or was already applied); 1: some
hunk could not be applied, or a file needs ``--allow-outside`` (without ``--partial`` nothing was
written); 2: usage, unreadable or oversized input, or input holding no change; 4: written, but
``--verify`` failed (then nothing is committed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from architect_tui.patch import ApplyReport
    from architect_tui.patch.verify import VerifyResult

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_VERIFY = 0, 1, 2, 4
#: A review or diff larger than this is refused before it is parsed: real answers are a few
#: hundred kilobytes; 50 MB of diff would cost gigabytes to validate.
MAX_INPUT_BYTES = 10_000_000


class InputTooLarge(ValueError):
    """The input is over :data:`MAX_INPUT_BYTES`."""


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the review or diff to apply ('-' reads stdin)")
    parser.add_argument("--project", default=".", help="project directory (default: .)")
    parser.add_argument("--dry-run", action="store_true", help="match and report; write nothing")
    parser.add_argument(
        "--partial", action="store_true", help="write the hunks that match even if others fail"
    )
    parser.add_argument("--json", action="store_true", help="print the JSON report")
    parser.add_argument(
        "--incomplete",
        action="store_true",
        help="the answer was cut: never apply the hunk that was being written",
    )
    parser.add_argument(
        "--allow-outside",
        action="store_true",
        help="also write files that need consent: outside the reviewed selection and its "
        "context, or files that run code on their own (CI workflows, conftest.py, setup.py, "
        "pyproject.toml, Makefile, pre-commit, .envrc, requirements, shell scripts, git hooks); "
        "without it they are refused (exit 1)",
    )
    parser.add_argument("--commit", action="store_true", help="git commit the applied files")
    parser.add_argument("--message", default="", help="checkpoint / commit message")
    parser.add_argument(
        "--verify",
        nargs="?",
        const="",
        default=None,
        metavar="CMD",
        help="after writing, run CMD (or [tool.architect] verify, or pytest when the project has "
        "tests) and a compile check of the changed files; exit 4 when they fail",
    )


def _verify(args: argparse.Namespace, root: Path, report: ApplyReport) -> VerifyResult:
    """Run the checks, streaming their output (to stderr under --json: stdout is the report)."""
    from architect_tui.patch.verify import run_verify

    out = sys.stderr if args.json else sys.stdout
    changed = [f.path for f in report.files if f.status == "applied"]
    result = run_verify(
        root,
        changed,
        args.verify or None,
        on_step=lambda label: print(f"verify: {label}", file=out, flush=True),
        on_line=lambda line: print(f"  {line}", file=out, flush=True),
    )
    state = "passed" if result.ok else "timed out" if result.timed_out else "FAILED"
    print(f"verify: {state} (exit {result.exit}, {result.seconds:.1f} s)", file=out)
    return result


def _read_input(name: str) -> str:
    """The input's text, read at most one byte past the cap (a FIFO or /dev/zero ends too)."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        with open(name, "rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(
            f"over the {MAX_INPUT_BYTES // 1_000_000} MB limit for a review or a diff"
        )
    return data.decode("utf-8-sig")


def _print_human(report: ApplyReport, dry_run: bool) -> None:
    for f in report.files:
        verb = f.status.replace("_", " ")
        print(f"{verb:<12} {f.path}" + (f"  ({f.reason})" if f.reason else ""))
        for warning in f.warnings:
            print(f"  warning: {warning}")
        for h in f.hunks:
            where = f" line {h.line}" if h.line else ""
            off = f" offset {h.offset:+d}" if h.offset else ""
            why = f": {h.reason}" if h.reason else ""
            print(f"  hunk {h.index}: {h.status}{where}{off} score {h.score:.2f}{why}")
    if any(
        f.status == "refused" and (f.reason or "").startswith("not asked for") for f in report.files
    ):
        print(
            "architect apply: --allow-outside writes files the review was not about or that "
            "run code on their own",
            file=sys.stderr,
        )
    if report.reason:
        print(f"architect apply: {report.reason}", file=sys.stderr)
    if report.checkpoint:
        print(f"checkpoint {report.checkpoint} ('architect undo' reverts it)")


def run(args: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from architect_tui.patch import apply, extract_answer, plan, read_answer
    from architect_tui.vcs.lock import LockError, project_lock

    root = Path(args.project)
    if not root.is_dir():
        print(f"architect apply: not a directory: {args.project}", file=sys.stderr)
        return EXIT_USAGE
    try:
        text = _read_input(args.file)
    except (OSError, UnicodeDecodeError, InputTooLarge) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        print(f"architect apply: cannot read {args.file}: {reason}", file=sys.stderr)
        return EXIT_USAGE
    patch = extract_answer(text, root, incomplete=args.incomplete)  # as the changes view does
    allowed = read_answer(text).context_files
    if not patch.files:
        reason = f"no proposed change in {args.file} (no diff, no SEARCH/REPLACE block)"
        if args.json:
            doc = {"applied": False, "checkpoint": None, "files": [], "reason": reason}
            print(json.dumps(doc, indent=2))
        print(f"architect apply: {reason}", file=sys.stderr)
        return EXIT_USAGE
    message = (
        args.message or f"architect apply {Path(args.file).name if args.file != '-' else 'stdin'}"
    )
    try:  # plan and write under one lock: concurrent applies then each see the last one's bytes
        with nullcontext() if args.dry_run else project_lock(root, "apply"):
            the_plan = plan(patch, root, allowed=allowed)
            report = apply(
                the_plan,
                root,
                partial=args.partial,
                dry_run=args.dry_run,
                message=message,
                consent=args.allow_outside,
            )
    except LockError as exc:
        print(f"architect apply: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not args.json:
        _print_human(report, args.dry_run)
    verified = _verify(args, root, report) if args.verify is not None and report.applied else None
    if args.json:
        doc = report.to_json()
        if verified is not None:
            doc["verify"] = verified.to_json()
        print(json.dumps(doc, indent=2))
        if report.reason:
            print(f"architect apply: {report.reason}", file=sys.stderr)
    if verified is not None and not verified.ok:
        if args.commit:
            print("architect apply: not committed: verification failed", file=sys.stderr)
        return EXIT_VERIFY if report.exit_code == EXIT_OK else report.exit_code
    if args.commit and report.applied:
        from architect_tui.vcs import commit_applied

        done = commit_applied(root, args.message or "Apply changes proposed by architect")
        if not done.committed:
            print(f"architect apply: not committed: {done.reason}", file=sys.stderr)
            return EXIT_FAILED
        print(f"committed {done.sha}", file=sys.stderr if args.json else sys.stdout)
    return report.exit_code
