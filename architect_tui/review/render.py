"""Turn a ``ReviewRequest``'s pieces into the text the model reads.

Kept apart from the context builder so the UI can re-render after the user toggles pieces
without building anything again.
"""

from __future__ import annotations

from collections.abc import Iterable

from architect_tui.analysis.model import Hook, ProjectMap, Route
from architect_tui.review.model import ReviewRequest

MAX_OVERVIEW_ROUTES = 200
FIXED_KINDS = {"selection", "facts", "hints"}  # rendered in their own sections


def render_user_message(request: ReviewRequest) -> str:
    """The first user turn: the task, then every included piece, then what was left out."""
    label = request.target
    if request.ask:
        task = (
            f"The user asks about `{label}`:\n\n{request.ask.strip()}\n\n"
            "Answer with the answer format. Propose code only as unified diffs (new files from "
            "/dev/null)."
        )
    else:
        task = f"Review `{label}` with the **{request.lens}** lens, in the answer format."
    notes = [
        "Code lines are shown as `NNN| code`: the number and `| ` are not part of the file; "
        "diff context lines must be the code alone, copied exactly.",
    ]
    if request.redactions:
        notes.append(
            "Secrets were replaced by «REDACTED:N» placeholders. Never write a placeholder in a "
            "diff; say in words what should change on such a line."
        )
    parts = [task, "\n".join(notes)]
    for kind, tag in (("selection", "selection"), ("facts", "facts"), ("hints", "hints")):
        chosen = [p for p in request.pieces if p.kind == kind and p.included]
        if chosen:
            body = "\n\n".join(p.text for p in chosen)
            parts.append(f"<{tag}>\n{body}\n</{tag}>")
    related = [p for p in request.pieces if p.kind not in FIXED_KINDS and p.included]
    if related:
        parts.append(
            "<related_code>\n" + "\n\n".join(p.text for p in related) + "\n</related_code>"
        )
    left_out = [p for p in request.pieces if not p.included]
    if left_out or request.skipped_files:
        lines = [
            f"- {p.title}" + (f" ({p.file}:{p.start}-{p.end})" if p.file else "") for p in left_out
        ]
        lines += [f"- {f} (not sent: looks like a secrets file)" for f in request.skipped_files]
        parts.append(
            "<not_included>\nThis exists but was left out; ask for it if you need it:\n"
            + "\n".join(lines)
            + "\n</not_included>"
        )
    return "\n\n".join(parts) + "\n"


def project_overview(project: ProjectMap) -> str:
    """A stable summary of the project (apps, blueprints, routes): cached between requests."""
    lines = [f"# Project overview: {project.root.name}", ""]
    lines.append("## Apps")
    for app in project.apps:
        how = f"factory {app.factory}()" if app.factory else "module-level app"
        lines.append(f"- {app.name}: {how} at {app.span.file}:{app.span.line}")
    if not project.apps:
        lines.append("- none found statically")
    lines += ["", "## Blueprints"]
    for bp in project.blueprints:
        where = f"{bp.span.file}:{bp.span.line}"
        reg = f", registered at {bp.registered_at}" if bp.registered_at else ""
        state = "" if bp.registered else " (never registered)"
        lines.append(f"- {bp.full_name}: prefix {bp.full_prefix or '/'} at {where}{reg}{state}")
    if not project.blueprints:
        lines.append("- none")
    lines += ["", f"## Routes ({len(project.routes)})"]
    for route in project.routes[:MAX_OVERVIEW_ROUTES]:
        methods = ",".join(route.methods)
        lines.append(
            f"- {methods} {route.rule} -> {route.endpoint} ({route.span.file}:{route.span.line})"
        )
    if len(project.routes) > MAX_OVERVIEW_ROUTES:
        lines.append(f"- ... and {len(project.routes) - MAX_OVERVIEW_ROUTES} more")
    return "\n".join(lines) + "\n"


def numbered(lines: list[str], first_line: int) -> str:
    """``NNN| code`` lines, numbers right-aligned to the widest one."""
    last = first_line + max(len(lines) - 1, 0)
    width = max(3, len(str(last)))
    return "\n".join(f"{n:>{width}}| {line}" for n, line in enumerate(lines, start=first_line))


def route_facts(route: Route, pipeline: Iterable[Hook]) -> str:
    """The static facts about one route, as the reviewer reads them."""
    lines = [
        f"- rule: {route.rule}",
        f"- methods: {', '.join(route.methods) or '(none)'}",
        f"- endpoint: {route.endpoint}",
        f"- view: {route.view} ({route.kind}) at {route.span.file}:{route.span.line}-{route.span.end_line}",
    ]
    if route.blueprint:
        chain = " + ".join(route.prefix_chain) if route.prefix_chain else "(none)"
        lines.append(f"- blueprint: {route.blueprint}; prefix chain: {chain}")
    if route.decorators:
        lines.append(
            "- decorators (outermost first): " + "; ".join(f"@{d}" for d in route.decorators)
        )
    if route.registered_at:
        lines.append(f"- registered at: {route.registered_at}")
    hooks = list(pipeline)
    if hooks:
        lines.append("- request pipeline (hooks and error handlers around it):")
        for h in hooks:
            err = f" {h.error}" if h.error else ""
            lines.append(f"  - {h.kind}{err}: {h.function} ({h.scope} {h.owner}, {h.span})")
    return f"Route {route.endpoint}:\n" + "\n".join(lines)
