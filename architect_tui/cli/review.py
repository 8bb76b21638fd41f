"""``architect review TARGET``: the architect's review (or an answer to ``--ask``), headless.

Contract (DESIGN.md section 4): markdown streams to stdout; ``--format json`` prints one object
``{"target", "model", "lens", "markdown", "findings", "changes", "usage", ...}``. Exit 0 on a
completed review, 3 when the model could not be reached or refused (message on stderr), 2 on
usage errors (bad path, unknown target or lens). Progress and waits go to stderr, so stdout is
only the review. Every review is saved under ``.architect/reviews/``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        nargs="?",
        help="endpoint (auth.login), rule (/auth/login), bp:NAME, FILE or FILE:START-END",
    )
    parser.add_argument(
        "--changes",
        nargs="?",
        const="HEAD",
        default=None,
        metavar="BASE",
        help="review the change since BASE instead of a target (default HEAD: the working "
        "tree; A...B for B against its merge base with A); see architect diff",
    )
    parser.add_argument(
        "--project", default=".", metavar="PATH", help="project directory (default: .)"
    )
    parser.add_argument(
        "--lens", default="full", metavar="NAME", help="review lens (default: full)"
    )
    parser.add_argument(
        "--ask", default=None, metavar="TEXT", help="ask a question or request a change instead"
    )
    parser.add_argument("--offline", action="store_true", help="use the offline rules, no model")
    parser.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="output format"
    )
    parser.add_argument(
        "--model", default=None, metavar="ID", help="model id (default: from settings)"
    )
    parser.add_argument(
        "--budget", type=int, default=None, metavar="TOKENS", help="context token budget"
    )
    parser.add_argument("--no-save", action="store_true", help="do not save under .architect/")


def _err(message: str) -> None:
    print(f"architect review: {message}", file=sys.stderr, flush=True)


def read_map(root: Path) -> Any:
    """The project map from the static reader; a bare map (files and ranges only) without it."""
    from architect_tui.analysis.model import ProjectMap

    try:
        from architect_tui.analysis import read_project
    except ImportError:
        return ProjectMap(root=root)
    try:
        return read_project(root)
    except Exception as exc:  # the reader failing must not cost the review of a file
        _err(f"could not map the project ({exc}); files and line ranges still work")
        return ProjectMap(root=root)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from architect_tui.analysis.selection import TargetError, resolve_target
    from architect_tui.config import load_settings
    from architect_tui.review.prompts import PromptError, load_prompts

    root = Path(args.project).expanduser()
    if not root.is_dir():
        _err(f"{args.project}: no such directory")
        return EXIT_USAGE
    root = root.resolve()
    settings = load_settings(root)
    if args.model:
        settings = replace(settings, model=args.model)
    if args.budget is not None:
        if args.budget < 0:
            _err("--budget must be a positive number of tokens")
            return EXIT_USAGE
        settings = replace(settings, token_budget=args.budget)
    prompts = load_prompts(root)
    if args.lens not in prompts.lenses:
        _err(f"unknown lens {args.lens!r} (known: {', '.join(prompts.lenses) or 'none'})")
        return EXIT_USAGE
    change = None
    if args.changes is not None:
        if args.target is not None or args.ask:
            _err("--changes reviews a change set: give no TARGET and no --ask with it")
            return EXIT_USAGE
        change = _open_change(root, args.changes)
        if change is None:
            return EXIT_USAGE
        project, selection = change[3], None  # the map now
    elif args.target is None:
        _err("give a TARGET to review, or --changes [BASE]")
        return EXIT_USAGE
    else:
        project = read_map(root)
        try:
            selection = resolve_target(project, args.target)
        except TargetError as exc:
            _err(str(exc))
            return EXIT_USAGE
    from architect_tui.review.session import choose_source, prepare_review

    choice = choose_source(settings, offline=args.offline, ask=args.ask is not None)
    if choice.source == "needs_key":
        _err(choice.note or "--ask needs a model")
        return EXIT_UNREACHABLE
    if choice.source == "offline":
        if choice.note:
            _err(choice.note)
        return _run_offline(args, project, selection, settings, root, change)
    from architect_tui.review.change_context import change_request
    from architect_tui.secrets import WithheldError

    try:
        if change is not None:
            request = change_request(*change, settings, lens=args.lens, prompts=prompts)
        else:
            request = prepare_review(
                project, selection, settings, lens=args.lens, ask=args.ask, prompts=prompts
            ).request
    except (PromptError, WithheldError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    return _run_llm(args, request, settings, root)


def _open_change(root: Path, base: str) -> tuple[Any, Any, Any, Any] | None:
    """(change set, route diff, map at base, map now) for ``--changes``; None after a message."""
    from architect_tui.analysis.reader import ProjectError
    from architect_tui.analysis.routediff import diff_change
    from architect_tui.rules.auth import route_auth_verdict
    from architect_tui.vcs.changeset import ChangeError, open_change

    try:
        change = open_change(root, base)
        diff, before, after = diff_change(root, change, auth=route_auth_verdict)
    except (ChangeError, ProjectError) as exc:
        _err(str(exc))
        return None
    return change, diff, before, after


def _run_offline(
    args: argparse.Namespace,
    project: Any,
    selection: Any,
    settings: Any,
    root: Path,
    change: tuple[Any, ...] | None = None,
) -> int:
    from architect_tui.review.change_context import offline_change_review
    from architect_tui.review.session import local_review

    try:
        if change is not None:
            review = offline_change_review(project, change[0], settings, args.lens)
        else:
            review = local_review(project, selection, settings, args.lens)
    except NotImplementedError:
        _err("the offline review is not available in this build yet; set ANTHROPIC_API_KEY")
        return EXIT_UNREACHABLE
    if args.format == "json":
        print(json.dumps(review.to_json(), indent=2))
    else:
        sys.stdout.write(
            review.markdown if review.markdown.endswith("\n") else review.markdown + "\n"
        )
    if not args.no_save:
        _save(root, review, selection, args.ask, None, None)
    return EXIT_OK


def _run_llm(args: argparse.Namespace, request: Any, settings: Any, root: Path) -> int:
    import asyncio

    from architect_tui.review.model import Failed, Finished, TextDelta, Waiting
    from architect_tui.review.pricing import estimate_cost, format_cost
    from architect_tui.review.session import start_review

    included = [p for p in request.pieces if p.included]
    secrets = f", {request.redaction_count} secrets redacted" if request.redactions else ""
    _err(
        f"{request.target}: model {settings.model}, lens {request.lens}, {len(included)} context "
        f"pieces, ~{request.tokens} tokens{secrets}"
    )
    conversation = start_review(request, settings)
    streaming = args.format == "markdown"
    outcome: dict[str, Any] = {}

    async def consume() -> None:
        async for event in conversation.start():
            if isinstance(event, TextDelta) and streaming:
                sys.stdout.write(event.text)
                sys.stdout.flush()
            elif isinstance(event, Waiting):
                _err(f"{event.reason} Waiting {event.seconds:.1f} s, then retrying.")
            elif isinstance(event, Finished | Failed):
                outcome["event"] = event

    asyncio.run(consume())
    event = outcome.get("event")
    review = event.review if isinstance(event, Finished) else getattr(event, "partial", None)
    if streaming and review is not None and not review.markdown.endswith("\n"):
        sys.stdout.write("\n")
    if review is not None and not args.no_save:
        _save(
            root,
            review,
            request.selection,
            args.ask,
            conversation.started_at,
            conversation.duration,
        )
    if not isinstance(event, Finished):
        message = (
            event.message if isinstance(event, Failed) else "the review ended without an answer"
        )
        _err(message)
        return EXIT_UNREACHABLE
    review = event.review
    if args.format == "json":
        print(json.dumps(review.to_json(), indent=2))
    for warning in review.warnings:
        _err(f"warning: {warning}")
    if review.incomplete:
        _err(f"the answer is incomplete (stop reason: {review.stop_reason}); raise max_tokens")
    usage = review.usage
    if usage is not None:
        cost = format_cost(estimate_cost(review.model, usage))
        _err(
            f"usage: {usage.input_tokens} in, {usage.output_tokens} out, "
            f"{usage.cache_read_input_tokens} cache read, {usage.cache_creation_input_tokens} "
            f"cache write ({cost}, approximate)"
        )
    return EXIT_OK


def _save(
    root: Path, review: Any, selection: Any, ask: str | None, started: Any, duration: Any
) -> None:
    from architect_tui.review.store import save_review

    try:
        saved = save_review(
            root, review, selection=selection, ask=ask, started_at=started, duration=duration
        )
    except OSError as exc:
        _err(f"could not save the review under .architect/reviews: {exc}")
        return
    _err(f"saved {saved.markdown_path.relative_to(root)}")
