"""``architect apply FILE|- [--project PATH] [--dry-run] [--partial] [--json]``.

Reads a review (markdown, a bare diff, or ``architect review --format json`` output) and applies
its proposed changes. Exit 0: every hunk applied (or would); 1: some hunk could not be applied
(without ``--partial`` nothing was written); 2: usage or unreadable input; 4: written, but
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
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        data = Path(name).read_bytes()
    return data.decode("utf-8-sig")


def _unwrap(text: str) -> tuple[str, bool]:
    """The markdown of an ``architect review --format json`` document, else the text itself."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            doc = json.loads(stripped)
        except ValueError:
            return text, False
        if isinstance(doc, dict) and isinstance(doc.get("markdown") or doc.get("changes"), str):
            body = doc.get("markdown") or doc.get("changes") or ""
            return str(body), bool(doc.get("incomplete"))
    return text, False


def _print_human(report: ApplyReport, dry_run: bool) -> None:
    for f in report.files:
        verb = "would apply" if dry_run and f.status == "applied" else f.status
        print(f"{verb:<12} {f.path}" + (f"  ({f.reason})" if f.reason else ""))
        for h in f.hunks:
            where = f" line {h.line}" if h.line else ""
            off = f" offset {h.offset:+d}" if h.offset else ""
            why = f": {h.reason}" if h.reason else ""
            print(f"  hunk {h.index}: {h.status}{where}{off} score {h.score:.2f}{why}")
    if not report.files:
        print("no proposed changes found", file=sys.stderr)
    if report.reason:
        print(f"architect apply: {report.reason}", file=sys.stderr)
    if report.checkpoint:
        print(f"checkpoint {report.checkpoint} ('architect undo' reverts it)")


def run(args: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from architect_tui.patch import apply, extract_changes, plan
    from architect_tui.vcs.lock import LockError, project_lock

    root = Path(args.project)
    if not root.is_dir():
        print(f"architect apply: not a directory: {args.project}", file=sys.stderr)
        return EXIT_USAGE
    try:
        text = _read_input(args.file)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"architect apply: cannot read {args.file}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    text, cut = _unwrap(text)
    patch = extract_changes(text, root, incomplete=args.incomplete or cut)
    message = (
        args.message or f"architect apply {Path(args.file).name if args.file != '-' else 'stdin'}"
    )
    try:  # plan and write under one lock: concurrent applies then each see the last one's bytes
        with nullcontext() if args.dry_run else project_lock(root, "apply"):
            the_plan = plan(patch, root)
            report = apply(
                the_plan, root, partial=args.partial, dry_run=args.dry_run, message=message
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
