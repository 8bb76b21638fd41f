"""Details of what the cursor is on: the facts as text, and a list of places to jump to
(registration site, hooks and error handlers of the request pipeline, the view itself)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from architect_tui.analysis.model import App, Blueprint, Diagnostic, ProjectMap, Route, SourceSpan
from architect_tui.ui.facts import auth_gap, is_auth_decorator, rule_composition


@dataclass(frozen=True, slots=True)
class Jump:
    """A place in the code the user can go to from the details."""

    label: str
    file: str
    line: int
    end_line: int | None = None


def _span(span: SourceSpan) -> str:
    if span.end_line and span.end_line != span.line:
        return f"{span.file}:{span.line}-{span.end_line}"
    return f"{span.file}:{span.line}"


def route_facts(project: ProjectMap, route: Route) -> tuple[str, list[Jump]]:
    """Markup for a route's details and the places they mention."""
    lines = [f"[b]{escape(route.endpoint)}[/b]"]
    methods = " ".join(f"[b $accent]{m}[/]" for m in route.methods) or "GET"
    lines.append(f"{methods}  [b]{escape(route.rule)}[/b]")
    gap = auth_gap(project, route)
    if gap is not None:  # first, so it is seen even in a short panel
        lines.append(
            f"[$text-warning]⚠ no auth decorator, while {gap.guarded} of {gap.siblings} sibling "
            f"route(s) have one (@{escape(gap.example)})[/]"
        )
    pieces = rule_composition(route)
    if len(pieces) > 1:
        lines.append("[dim]rule =[/dim] " + " [dim]+[/dim] ".join(escape(p) for p in pieces))
    bp = route.blueprint or "[dim](app)[/dim]"
    lines.append(f"[dim]view[/dim] {escape(route.view)} [dim]({route.kind})  blueprint[/dim] {bp}")
    lines.append(f"[dim]at[/dim] {escape(_span(route.span))}")
    if route.registered_at is not None:
        lines.append(f"[dim]registered[/dim] {escape(str(route.registered_at))}")
    lines.append("")
    lines.append("[b]Decorators[/b]")
    if route.decorators:
        for decorator in route.decorators:
            mark = "[$text-success]✓[/] " if is_auth_decorator(decorator) else "  "
            lines.append(f"{mark}@{escape(decorator)}")
    else:
        lines.append("[dim]  none[/dim]")
    jumps = [Jump(f"view  {route.view}", route.span.file, route.span.line, route.span.end_line)]
    if route.registered_at is not None and route.registered_at != route.span:
        jumps.append(Jump("registration", route.registered_at.file, route.registered_at.line))
    if route.blueprint:
        bp_obj = project.blueprint_by_name(route.blueprint)
        if bp_obj is not None:
            jumps.append(Jump(f"blueprint  {bp_obj.name}", bp_obj.span.file, bp_obj.span.line))
    for hook in route.hooks:
        what = f"{hook.kind} {hook.error}" if hook.error else hook.kind
        jumps.append(
            Jump(f"{what}  {hook.function} ({hook.owner})", hook.span.file, hook.span.line)
        )
    return "\n".join(lines), jumps


def blueprint_facts(project: ProjectMap, bp: Blueprint) -> tuple[str, list[Jump]]:
    routes = project.routes_of(bp.full_name)
    lines = [f"[b]Blueprint {escape(bp.full_name)}[/b]"]
    if bp.registered:
        lines.append(f"[dim]prefix[/dim] {escape(bp.full_prefix or '/')}")
        if bp.url_prefix is not None and bp.url_prefix != bp.full_prefix:
            lines.append(f"[dim]own prefix[/dim] {escape(bp.url_prefix)}")
        if bp.parent:
            lines.append(f"[dim]nested in[/dim] {escape(bp.parent)}")
        if bp.app:
            lines.append(f"[dim]app[/dim] {escape(bp.app)}")
    else:
        lines.append("[$text-warning]not registered on any app: its routes are unreachable[/]")
    lines.append(f"[dim]variable[/dim] {escape(bp.variable)}  [dim]routes[/dim] {len(routes)}")
    lines.append(f"[dim]defined[/dim] {escape(_span(bp.span))}")
    if bp.registered_at is not None:
        lines.append(f"[dim]registered[/dim] {escape(str(bp.registered_at))}")
    jumps = [Jump("definition", bp.span.file, bp.span.line, bp.span.end_line)]
    if bp.registered_at is not None:
        jumps.append(Jump("registration", bp.registered_at.file, bp.registered_at.line))
    for hook in project.hooks:
        if hook.owner == bp.name or hook.owner == bp.full_name:
            what = f"{hook.kind} {hook.error}" if hook.error else hook.kind
            jumps.append(Jump(f"{what}  {hook.function}", hook.span.file, hook.span.line))
    return "\n".join(lines), jumps


def app_facts(project: ProjectMap, app: App) -> tuple[str, list[Jump]]:
    routes = [r for r in project.routes if r.app in (app.name, None)]
    bps = [b for b in project.blueprints if b.app == app.name]
    lines = [f"[b]App {escape(app.name)}[/b]"]
    if app.factory:
        lines.append(f"[dim]factory[/dim] {escape(app.factory)}()")
    lines.append(f"[dim]defined[/dim] {escape(_span(app.span))}")
    lines.append(f"[dim]blueprints[/dim] {len(bps)}  [dim]routes[/dim] {len(routes)}")
    jumps = [Jump("definition", app.span.file, app.span.line, app.span.end_line)]
    for hook in project.hooks:
        if hook.scope == "app" and hook.owner == app.name:
            what = f"{hook.kind} {hook.error}" if hook.error else hook.kind
            jumps.append(Jump(f"{what}  {hook.function}", hook.span.file, hook.span.line))
    return "\n".join(lines), jumps


def diagnostic_facts(diagnostic: Diagnostic) -> tuple[str, list[Jump]]:
    text = (
        f"[b]{diagnostic.severity.capitalize()}[/b]\n{escape(diagnostic.message)}\n"
        f"[dim]at[/dim] {escape(diagnostic.file)}:{diagnostic.line}"
    )
    return text, [Jump("go to line", diagnostic.file, diagnostic.line)]


def file_facts(project: ProjectMap | None, path: str) -> tuple[str, list[Jump]]:
    """A file: which routes, blueprints and hooks live in it, each a jump."""
    lines = [f"[b]{escape(path)}[/b]"]
    jumps: list[Jump] = []
    if project is not None:
        for app in project.apps:
            if app.span.file == path:
                jumps.append(Jump(f"app  {app.name}", path, app.span.line, app.span.end_line))
        for bp in project.blueprints:
            if bp.span.file == path:
                jumps.append(Jump(f"blueprint  {bp.full_name}", path, bp.span.line))
        routes = [r for r in project.routes if r.span.file == path]
        for route in routes:
            jumps.append(
                Jump(f"{route.rule}  {route.endpoint}", path, route.span.line, route.span.end_line)
            )
        for hook in project.hooks:
            if hook.span.file == path:
                jumps.append(Jump(f"{hook.kind}  {hook.function}", path, hook.span.line))
        lines.append(f"[dim]routes here[/dim] {len(routes)}")
        for diagnostic in project.diagnostics:
            if diagnostic.file == path:
                lines.append(
                    f"[$text-warning]● line {diagnostic.line}: {escape(diagnostic.message)}[/]"
                )
    return "\n".join(lines), jumps


class DetailsPanel(VerticalScroll):
    """Facts and jumps for the map node under the cursor; the screen calls ``show_*``."""

    @dataclass
    class JumpRequested(Message):
        """The user picked a place to go to."""

        jump: Jump

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.jumps: list[Jump] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="details-facts")
        yield OptionList(id="details-jumps")

    def show(self, markup: str, jumps: list[Jump]) -> None:
        self.query_one("#details-facts", Static).update(markup)
        self.jumps = jumps
        options = self.query_one("#details-jumps", OptionList)
        options.clear_options()
        options.add_options(
            Option(f"↳ {escape(j.label)}  [dim]{escape(j.file)}:{j.line}[/dim]") for j in jumps
        )
        options.display = bool(jumps)
        self.border_title = "Details"

    def show_text(self, markup: str) -> None:
        self.show(markup, [])

    @on(OptionList.OptionSelected, "#details-jumps")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.jumps):
            self.post_message(self.JumpRequested(self.jumps[event.option_index]))
