"""The review of a change: what the architect reads to review "what did this branch just do".

A reviewer of a change needs more than the diff: the whole new code of every function the diff
touches (a three-line hunk hides the branch it sits in), and what the change means for the app's
routes, which no line diff says: routes added or removed, methods and rules changed, and the
hooks, decorators and helpers that now run for more (or other) routes. So the request holds:

- the unified diff (redacted, secret-looking files left out), as the selection;
- the route-level diff and the facts of the affected routes ("before_request ``require_login``
  now runs for 23 routes, 0 before"), as the facts;
- the new code of each touched function in full, numbered with its real lines;
- an instruction to point each finding at a changed line.

The offline architect reviews a change through ``offline_review(within=change)``: only findings
on lines the change touched. Front doors (``architect review --changes``, the TUI's changes mode)
call :func:`change_request` or :func:`offline_change_review`; nothing here prints.
"""

from __future__ import annotations

import ast
from collections import Counter
from typing import Any

from architect_tui.analysis.model import ProjectMap, Route
from architect_tui.analysis.pycheck import parse
from architect_tui.analysis.routediff import RouteChange, RouteDiff
from architect_tui.analysis.sources import SourceError, decode_source
from architect_tui.config import Settings
from architect_tui.review.context import _apply_budget
from architect_tui.review.model import ContextPiece, Review, ReviewRequest
from architect_tui.review.prompts import PromptSet, load_prompts
from architect_tui.review.redact import Redactor
from architect_tui.review.render import numbered, project_overview, route_facts
from architect_tui.review.used import make_piece as _piece
from architect_tui.secrets import is_withheld
from architect_tui.vcs.changeset import ChangeSet

#: A diff longer than this is cut (the rest is listed as left out): a review, not a 413.
MAX_DIFF_LINES = 3000
#: A touched function longer than this is cut to its changed part and some lines around.
MAX_FUNCTION_LINES = 300
#: Route facts are given in full for at most this many added or changed routes.
MAX_ROUTE_FACTS = 25

INSTRUCTIONS = (
    "You are reviewing a change, not the whole project: the unified diff is in <selection>, "
    "the route-level diff and the facts of the routes it affects in <facts>, the new code of "
    "each function the change touches in <related_code>. Review what the change does to the "
    "app: new or changed routes, their auth and methods, hooks and decorators that now run "
    "for more routes, and the changed code itself. Point each finding at a changed line "
    "(new-side line numbers; for a removed line, the line next to where it was)."
)


def change_label(change: ChangeSet) -> str:
    head = "the working tree" if change.head is None else change.head[:12]
    return f"changes {change.base_label} -> {head}"


def change_request(
    change: ChangeSet,
    diff: RouteDiff,
    before: ProjectMap,
    after: ProjectMap,
    settings: Settings,
    *,
    lens: str = "full",
    prompts: PromptSet | None = None,
) -> ReviewRequest:
    """Everything a review of ``change`` would send, not sent yet (see the module docstring).

    Raises ``PromptError`` for an unknown lens.
    """
    prompts = prompts or load_prompts(after.root)
    redactor = Redactor()
    skipped: list[str] = []
    pieces: list[ContextPiece] = [
        _piece(
            "change:instructions",
            "How to review a change",
            None,
            None,
            None,
            INSTRUCTIONS,
            "reviewing a change",
            kind="hints",
            required=True,
        ),
        _diff_piece(change, redactor, skipped),
        _piece(
            "change:routes",
            "Route-level diff and affected routes",
            None,
            None,
            None,
            redactor.redact_generated(routes_text(diff, before, after)),
            "what the change does to the routes",
            kind="facts",
            required=True,
        ),
    ]
    pieces += _function_pieces(change, redactor, skipped)
    _apply_budget(pieces, settings.token_budget)
    return ReviewRequest(
        target=change_label(change),
        lens=lens,
        system=prompts.stable_prompt(),  # cached; the lens goes after the overview
        instructions=prompts.instructions(lens),
        overview=redactor.redact_generated(project_overview(after)),
        pieces=pieces,
        budget=settings.token_budget,
        selection=None,
        redactions=redactor.redactions,
        skipped_files=sorted(set(skipped)),
        prompt_files=[f.path for f in prompts.in_use(lens)],
        root=after.root,  # the answer's changes are read the way architect apply reads them
        redactor=redactor,
    )


def offline_change_review(
    project: ProjectMap, change: ChangeSet, settings: Settings, lens: str = "full"
) -> Review:
    """The offline architect on a change: only findings on lines the change touched."""
    from architect_tui.review.offline import offline_review

    review = offline_review(project, None, settings, lens, within=change)
    review.target = change_label(change)
    return review


# ---- the diff ------------------------------------------------------------------------------


def _diff_piece(change: ChangeSet, redactor: Redactor, skipped: list[str]) -> ContextPiece:
    parts: list[str] = []
    total = 0
    cut: list[str] = []
    for f in change.files:
        if is_withheld(f.path):
            skipped.append(f.path)
            continue
        lines = f.diff.splitlines()
        if total + len(lines) > MAX_DIFF_LINES:
            cut.append(f.path)
            continue
        total += len(lines)
        parts.append(redactor.redact_diff(f.diff, f.path, f.old_path or f.path))
    text = "".join(parts) or "(no textual change)\n"
    if cut:
        text += "\n(diff of these files left out, too long: " + ", ".join(cut) + ")\n"
    head = "working tree" if change.head is None else change.head[:12]
    title = f"Unified diff: {change.base[:12]} ({change.base_label}) -> {head}"
    return _piece(
        "change:diff",
        title,
        None,
        None,
        None,
        f"{title}\n\n{text}",
        "the change under review",
        kind="selection",
        required=True,
    )


# ---- the routes ----------------------------------------------------------------------------


def _route_line(route: Route) -> str:
    return (
        f"{','.join(route.methods) or '-'} {route.rule} -> {route.endpoint} "
        f"({route.span.file}:{route.span.line}-{route.span.end_line})"
    )


def _names(routes: list[Route], shown: int = 12) -> str:
    more = f" and {len(routes) - shown} more" if len(routes) > shown else ""
    return ", ".join(r.endpoint for r in routes[:shown]) + more


def _what_changed(c: RouteChange) -> str:
    return "; ".join(f"{name} {old} -> {new}" for name, old, new in c.describe())


def hook_reach(before: ProjectMap, after: ProjectMap) -> list[tuple[str, str, str, int, int]]:
    """(kind, function, where, routes before, routes now) of every hook whose reach changed."""

    def counts(project: ProjectMap) -> Counter[tuple[str, str]]:
        return Counter((h.kind, h.function) for r in project.routes for h in r.hooks)

    old, new = counts(before), counts(after)
    where = {(h.kind, h.function): str(h.span) for r in after.routes for h in r.hooks}
    where.update({(h.kind, h.function): str(h.span) for h in after.hooks})
    return [
        (kind, fn, where.get((kind, fn), "?"), old[(kind, fn)], new[(kind, fn)])
        for kind, fn in sorted(set(old) | set(new))
        if old[(kind, fn)] != new[(kind, fn)]
    ]


def routes_text(diff: RouteDiff, before: ProjectMap, after: ProjectMap) -> str:
    """The route-level diff as the reviewer reads it, with the facts of the affected routes."""
    lines = [f"Route-level diff ({diff.base[:12]} -> {diff.head}), files: {', '.join(diff.files)}"]
    if diff.empty:
        lines.append("No route was added, removed or changed, and no route's code changed.")
    if diff.added:
        lines.append(f"\nAdded routes ({len(diff.added)}):")
        lines += [f"- {_route_line(r)}" for r in diff.added]
    if diff.removed:
        lines.append(f"\nRemoved routes ({len(diff.removed)}):")
        lines += [f"- {_route_line(r)}" for r in diff.removed]
    if diff.changed:
        lines.append(f"\nChanged routes ({len(diff.changed)}):")
        changes: dict[str, list[Route]] = {}
        for c in diff.changed:
            changes.setdefault(_what_changed(c), []).append(c.after)
        for what, routes in changes.items():
            if len(routes) == 1:
                lines.append(f"- {_route_line(routes[0])}: {what}")
            else:
                lines.append(f"- {what}: {len(routes)} routes: {_names(routes)}")
    if diff.code_changed:
        lines.append(f"\nRoutes whose code changed ({len(diff.code_changed)}):")
        groups: dict[tuple[Any, ...], list[Route]] = {}
        for cc in diff.code_changed:
            groups.setdefault(cc.reasons, []).append(cc.route)
        for reasons, routes in groups.items():
            why = "; ".join(
                f"{r.kind} {r.name}" + (f" via {r.via}" if r.via else "") + f" ({r.file}:{r.line})"
                for r in reasons
            )
            lines.append(f"- {why}: {len(routes)} route(s): {_names(routes)}")
    reach = hook_reach(before, after)
    hooked = {(r.kind, r.name) for cc in diff.code_changed for r in cc.reasons if r.kind == "hook"}
    counted = Counter(r.name for cc in diff.code_changed for r in cc.reasons if r.kind == "hook")
    if reach or hooked:
        lines.append("\nHooks the change touches or moves:")
        for kind, fn, where, old, new in reach:
            lines.append(f"- {kind} {fn} ({where}) now runs for {new} routes (before: {old})")
        for _, fn in sorted(hooked):
            if not any(fn == r[1] for r in reach):
                lines.append(f"- hook {fn} changed: it guards {counted[fn]} routes")
    shaped = [c.after for c in diff.changed if set(c.fields) - {"hooks"}]
    detailed = [*diff.added, *shaped][:MAX_ROUTE_FACTS]
    if detailed:
        lines.append("\nFacts of the added and changed routes (now):")
        lines += [route_facts(r, r.hooks) for r in detailed]
    return "\n".join(lines)


# ---- the touched functions -----------------------------------------------------------------


def _function_pieces(
    change: ChangeSet, redactor: Redactor, skipped: list[str]
) -> list[ContextPiece]:
    pieces = []
    for f in change.files:
        if f.status == "deleted" or not f.path.endswith(".py") or is_withheld(f.path):
            continue
        data = change.read_head(f.path)
        if data is None:
            continue
        try:
            text = decode_source(data)
        except SourceError:
            continue
        tree = parse(text, f.path)
        if not isinstance(tree, ast.Module):
            continue
        lines = text.splitlines()
        ranges = (*f.added, *f.seams)
        for start, end, name in _outermost_touched(tree, ranges):
            if end - start + 1 > MAX_FUNCTION_LINES:
                end = start + MAX_FUNCTION_LINES - 1
            body = redactor.redact("\n".join(lines[start - 1 : end]), f.path, start)
            code = numbered(body.split("\n"), start)
            title = f"{name} (new code, {f.path}:{start}-{end})"
            pieces.append(
                _piece(
                    f"change:fn:{f.path}:{start}",
                    title,
                    f.path,
                    start,
                    end,
                    f"# {f.path}:{start}-{end}: {name}, as changed\n{code}",
                    "a function the change touches",
                    kind="definition",
                    score=0.97,
                )
            )
    return pieces


def _outermost_touched(
    tree: ast.Module, ranges: tuple[tuple[int, int], ...]
) -> list[tuple[int, int, str]]:
    """(start, end, name) of each outermost function or method that meets a changed range."""
    found: list[tuple[int, int, str]] = []

    def visit(nodes: list[ast.stmt], owner: str) -> None:
        for node in nodes:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                end = node.end_lineno or node.lineno
                if any(a <= end and b >= start for a, b in ranges):
                    found.append((start, end, f"{owner}{node.name}"))
            elif isinstance(node, ast.ClassDef):
                visit(node.body, f"{owner}{node.name}.")
            elif isinstance(node, ast.If | ast.Try | ast.With):
                visit(node.body, owner)

    visit(tree.body, "")
    return found
