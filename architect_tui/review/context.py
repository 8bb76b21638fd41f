"""Build what the reviewer sees: the selection, its route facts, and the code around it.

``build_request`` gathers :class:`ContextPiece` values, ranks the optional ones by relevance and
cuts them to a token budget. The UI lists the pieces, lets the user toggle them and calls
``render_user_message`` again; nothing here talks to the network.

Relevance, highest first (``score``):

- 0.95 a decorator on the selection (``login_required``)
- 0.90 a route view of the selected blueprint that lives in another file
- 0.85 a class or function the selection uses (models, services, forms, schemas, helpers),
  resolved through the module's imports to a project file and cut out with ``ast``
- 0.70 a request hook or error handler wrapping the route
- 0.65 the blueprint's definition, 0.60 its registration
- 0.60 a module-level constant the selection uses
- 0.45 what those definitions use in turn (one more hop)
- 0.40 the app factory, 0.30 the config module (both trimmed)

The budget (``Settings.token_budget``) applies to these optional pieces; the selection and its
facts are always sent, and the project overview goes in its own cached system block.
Name resolution lives in ``symbols``, the text the model reads in ``render``.
"""

from __future__ import annotations

import ast
from pathlib import PurePosixPath
from typing import Any

from architect_tui.analysis.model import Hook, ProjectMap, Route
from architect_tui.analysis.selection import Selection
from architect_tui.config import Settings
from architect_tui.review.model import ContextPiece, ReviewRequest
from architect_tui.review.prompts import PromptSet, load_prompts
from architect_tui.review.redact import Redactor, is_secret_file
from architect_tui.review.render import numbered, project_overview, route_facts
from architect_tui.review.render import render_user_message as render_user_message
from architect_tui.review.symbols import (
    Definition,
    Module,
    SymbolIndex,
    definition,
    kind_word,
    names_used,
)
from architect_tui.review.tokens import estimate_tokens
from architect_tui.secrets import WithheldError, withheld_message

MAX_SELECTION_LINES = 2000  # a whole 10k-line module would be a 413, not a review
MAX_DEFINITION_LINES = 150
MAX_TRIMMED_LINES = 80


# ---- public API ----------------------------------------------------------------------------


def build_request(
    project: ProjectMap,
    selection: Selection,
    settings: Settings,
    *,
    lens: str = "full",
    ask: str | None = None,
    history: list[dict[str, Any]] | None = None,
    hints: list[str] | None = None,
    prompts: PromptSet | None = None,
) -> ReviewRequest:
    """Everything one review would send, not sent yet.

    ``hints`` are short notes passed along to the reviewer (offline findings, the user's
    focus). ``history`` carries earlier turns for a follow-up. Raises ``PromptError`` for an
    unknown lens, ``WithheldError`` when the selection is a withheld file (``.env``...): such
    a review is never built, so nothing can send it.
    """
    if is_secret_file(selection.file):
        raise WithheldError(withheld_message(selection.file))
    prompts = prompts or load_prompts(project.root)
    system = prompts.system_prompt(lens, ask=ask is not None)
    builder = _Builder(project, selection, Redactor())
    pieces = builder.build()
    if hints:
        text = "Notes to consider:\n" + "\n".join(f"- {h}" for h in hints)
        text = builder.redactor.redact_generated(text)
        pieces.insert(
            1,
            _piece(
                "hints",
                "Hints",
                None,
                None,
                None,
                text,
                "passed by the caller",
                kind="hints",
                required=True,
            ),
        )
    _apply_budget(pieces, settings.token_budget)
    return ReviewRequest(
        target=selection.label or selection.file,
        lens=lens,
        system=system,
        overview=builder.redactor.redact_generated(project_overview(project)),
        pieces=pieces,
        budget=settings.token_budget,
        ask=ask,
        selection=selection,
        redactions=builder.redactor.redactions,
        skipped_files=sorted(builder.skipped),
        history=list(history or []),
        prompt_files=[f.path for f in prompts.in_use(lens, ask=ask is not None)],
        root=project.root,
    )


# ---- pieces --------------------------------------------------------------------------------


def _piece(
    piece_id: str,
    title: str,
    file: str | None,
    start: int | None,
    end: int | None,
    text: str,
    reason: str,
    *,
    kind: str = "definition",
    required: bool = False,
    score: float = 0.0,
) -> ContextPiece:
    return ContextPiece(
        id=piece_id,
        title=title,
        file=file,
        start=start,
        end=end,
        tokens=estimate_tokens(text),
        reason=reason,
        included=True,
        kind=kind,
        text=text,
        required=required,
        score=score,
    )


def _apply_budget(pieces: list[ContextPiece], budget: int) -> None:
    """Greedy by score: keep what fits, leave the rest listed but not included."""
    used = 0
    optional = sorted(
        (p for p in pieces if not p.required), key=lambda p: -p.score
    )  # stable: ties keep discovery order
    for piece in optional:
        if used + piece.tokens <= budget:
            used += piece.tokens
            piece.included = True
        else:
            piece.included = False
            piece.reason += " (left out: over the token budget)"


class _Builder:
    """One request's worth of file reads, parses and pieces."""

    def __init__(self, project: ProjectMap, selection: Selection, redactor: Redactor) -> None:
        self.project = project
        self.root = project.root
        self.selection = selection
        self.redactor = redactor
        self.skipped: set[str] = set()
        self.pieces: list[ContextPiece] = []
        self._seen_spans: list[tuple[str, int, int]] = []
        self._lines: dict[str, list[str] | None] = {}
        self.symbols = SymbolIndex(project.root, list(project.files), self.lines)

    # -- orchestration

    def build(self) -> list[ContextPiece]:
        sel = self.selection
        lines = self.lines(sel.file)
        if lines is None:
            lines = []
        start = sel.start or 1
        end = sel.end or max(len(lines), 1)
        self._add_selection(sel.file, start, end, lines)
        routes = self._routes_in_scope()
        self._add_facts(routes)
        self._add_used_definitions(sel.file, start, end)
        self._add_blueprint_views()
        for route in routes[:5]:
            self._add_hooks(route)
        self._add_blueprint(routes)
        self._add_factory(routes)
        self._add_config()
        return self.pieces

    def _routes_in_scope(self) -> list[Route]:
        sel = self.selection
        if sel.kind == "route" and sel.endpoint:
            route = self.project.route_by_endpoint(sel.endpoint)
            return [route] if route else []
        if sel.kind == "blueprint" and sel.blueprint:
            return self.project.routes_of(sel.blueprint)
        start, end = sel.start or 1, sel.end or 10**9
        return [
            r
            for r in self.project.routes
            if r.span.file == sel.file and r.span.line <= end and r.span.end_line >= start
        ]

    # -- file access

    def lines(self, rel: str) -> list[str] | None:
        """A project file's lines, or None when missing, unreadable or secret-looking."""
        if rel in self._lines:
            return self._lines[rel]
        result: list[str] | None = None
        path = self.root / rel
        try:
            real = path.resolve()
            inside = real.is_relative_to(self.root.resolve())
        except (OSError, RuntimeError):
            real, inside = path, False
        if is_secret_file(rel) or is_secret_file(real.name):
            self.skipped.add(rel)
        elif inside:  # never read outside the project (absolute paths, symlinks out)
            try:
                result = path.read_text("utf-8", errors="replace").splitlines()
            except OSError:
                result = None
        self._lines[rel] = result
        return result

    # -- adding pieces

    def _covered(self, file: str, start: int, end: int) -> bool:
        """Already sent inside another piece (a hook inside the factory is sent twice, which
        is cheaper than losing one of them to the budget cut)."""
        return any(f == file and s <= start and end <= e for f, s, e in self._seen_spans)

    def _code_piece(
        self,
        piece_id: str,
        title: str,
        file: str,
        start: int,
        end: int,
        reason: str,
        *,
        kind: str,
        score: float,
        required: bool = False,
        max_lines: int | None = None,
    ) -> ContextPiece | None:
        lines = self.lines(file)
        if lines is None or not lines:
            return None
        start = max(1, start)
        end = min(max(start, end), len(lines))
        if not required and self._covered(file, start, end):
            return None
        self._seen_spans.append((file, start, end))
        chunk = lines[start - 1 : end]
        note = ""
        if max_lines is not None and len(chunk) > max_lines:
            note = f"\n... ({len(chunk) - max_lines} more lines not shown)"
            chunk = chunk[:max_lines]
            end = start + max_lines - 1
        body = self.redactor.redact("\n".join(chunk), file, start)
        text = f"### {title} — {file}:{start}-{end}\n```python\n{numbered(body.split(chr(10)), start)}{note}\n```"
        piece = _piece(
            piece_id,
            title,
            file,
            start,
            end,
            text,
            reason,
            kind=kind,
            required=required,
            score=score,
        )
        self.pieces.append(piece)
        return piece

    def _add_selection(self, file: str, start: int, end: int, lines: list[str]) -> None:
        label = self.selection.label or file
        if file in self.skipped:
            text = f"### Selected: {label}\n(not sent: {file} looks like a secrets file)"
            self.pieces.append(
                _piece(
                    "selection",
                    f"Selected: {label}",
                    file,
                    None,
                    None,
                    text,
                    "the selection",
                    kind="selection",
                    required=True,
                )
            )
            return
        if not lines:
            text = f"### Selected: {label}\n(the file {file} is empty or could not be read)"
            self.pieces.append(
                _piece(
                    "selection",
                    f"Selected: {label}",
                    file,
                    start,
                    end,
                    text,
                    "the selection",
                    kind="selection",
                    required=True,
                )
            )
            return
        if end - start + 1 > MAX_SELECTION_LINES:
            end = start + MAX_SELECTION_LINES - 1
            label = f"{label} (first {MAX_SELECTION_LINES} lines; select a range for the rest)"
        self._code_piece(
            "selection",
            f"Selected: {label}",
            file,
            start,
            end,
            "the selection",
            kind="selection",
            score=1.0,
            required=True,
        )

    def _add_facts(self, routes: list[Route]) -> None:
        sel = self.selection
        blocks: list[str] = []
        if sel.kind == "blueprint" and sel.blueprint:
            bp = self.project.blueprint_by_name(sel.blueprint)
            if bp is not None:
                blocks.append(
                    f"Blueprint {bp.full_name}: variable `{bp.variable}`, defined at "
                    f"{bp.span.file}:{bp.span.line}, url_prefix {bp.url_prefix!r}, full prefix "
                    f"{bp.full_prefix or '/'}, parent {bp.parent or 'the app'}, registered at "
                    f"{bp.registered_at or 'nowhere (never registered)'}; {len(routes)} routes."
                )
        for route in routes[:25]:
            blocks.append(route_facts(route, self._pipeline(route)))
        if len(routes) > 25:
            blocks.append(f"... and {len(routes) - 25} more routes")
        if blocks:
            text = "### Route facts (from static analysis)\n" + "\n\n".join(blocks)
            text = self.redactor.redact_generated(text)
            self.pieces.append(
                _piece(
                    "facts",
                    "Route facts",
                    None,
                    None,
                    None,
                    text,
                    "what the static reader knows",
                    kind="facts",
                    required=True,
                )
            )

    def _pipeline(self, route: Route) -> tuple[Hook, ...]:
        if route.hooks:
            return route.hooks
        owners = set()
        if route.blueprint:
            parts = route.blueprint.split(".")
            owners = {".".join(parts[: i + 1]) for i in range(len(parts))} | set(parts)
        return tuple(
            h
            for h in self.project.hooks
            if h.scope == "app" or h.applies_app_wide or h.owner in owners
        )

    def _add_used_definitions(self, file: str, start: int, end: int) -> None:
        mod = self.symbols.module(file)
        if mod is None:
            return
        queue: list[tuple[Module, int, int, int]] = [(mod, start, end, 1)]
        while queue:
            module, s, e, depth = queue.pop(0)
            for use in names_used(module.tree, s, e):
                definition = self.symbols.resolve(module, use.dotted)
                if definition is None:
                    continue
                if definition.file == file and definition.start <= end and definition.end >= start:
                    continue  # inside the selection itself
                if self._is_blueprint_object(definition):
                    continue  # the blueprint gets its own piece (definition + registration)
                score, reason = self._rank(definition, use.decorator, depth, module)
                piece = self._code_piece(
                    f"def:{definition.file}:{definition.name}",
                    f"{kind_word(definition.node)} {definition.name}",
                    definition.file,
                    definition.start,
                    definition.end,
                    reason,
                    kind="definition",
                    score=score,
                    max_lines=MAX_DEFINITION_LINES,
                )
                if piece is not None and depth < 2:
                    target = self.symbols.module(definition.file)
                    if target is not None:
                        queue.append((target, definition.start, definition.end, depth + 1))

    def _is_blueprint_object(self, found: Definition) -> bool:
        return any(
            bp.span.file == found.file and found.start <= bp.span.line <= found.end
            for bp in self.project.blueprints
        ) and not isinstance(found.node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)

    def _rank(
        self, definition: Definition, decorator: bool, depth: int, user: Module
    ) -> tuple[float, str]:
        where = "the selection" if depth == 1 else f"{user.file}"
        if depth > 1:
            return 0.45, f"used by {where} (second hop)"
        if decorator:
            return 0.95, "decorates the selection"
        if isinstance(definition.node, ast.Assign | ast.AnnAssign):
            return 0.60, "a constant the selection uses"
        return 0.85, "used by the selection"

    def _add_blueprint_views(self) -> None:
        sel = self.selection
        if sel.kind != "blueprint" or not sel.blueprint:
            return
        for route in self.project.routes_of(sel.blueprint):
            if sel.start is not None and route.span.file == sel.file:
                continue
            self._code_piece(
                f"view:{route.endpoint}",
                f"view {route.endpoint}",
                route.span.file,
                route.span.line,
                route.span.end_line,
                "a route of the blueprint",
                kind="view",
                score=0.9,
                max_lines=MAX_DEFINITION_LINES,
            )

    def _add_hooks(self, route: Route) -> None:
        for hook in self._pipeline(route):
            label = f"{hook.kind} {hook.function}" + (f" ({hook.error})" if hook.error else "")
            self._code_piece(
                f"hook:{hook.span.file}:{hook.span.line}",
                label,
                hook.span.file,
                hook.span.line,
                hook.span.end_line,
                f"wraps the route ({hook.scope} {hook.owner})",
                kind="hook",
                score=0.70,
                max_lines=MAX_TRIMMED_LINES,
            )

    def _add_blueprint(self, routes: list[Route]) -> None:
        names = {r.blueprint for r in routes if r.blueprint}
        if self.selection.blueprint:
            names.add(self.selection.blueprint)
        for name in sorted(names):
            bp = self.project.blueprint_by_name(name)
            if bp is None:
                continue
            self._code_piece(
                f"bp:{name}",
                f"blueprint {name}",
                bp.span.file,
                bp.span.line,
                bp.span.end_line,
                "the blueprint's definition",
                kind="blueprint",
                score=0.65,
            )
            if bp.registered_at is not None:
                at = bp.registered_at
                self._code_piece(
                    f"bpreg:{name}",
                    f"registration of {name}",
                    at.file,
                    at.line - 2,
                    at.end_line + 2,
                    "where the blueprint is registered",
                    kind="blueprint",
                    score=0.60,
                )

    def _add_factory(self, routes: list[Route]) -> None:
        wanted = {r.app for r in routes if r.app}
        apps = [a for a in self.project.apps if not wanted or a.name in wanted][:2]
        for app in apps:
            start, end = app.span.line - 10, app.span.end_line + 10
            if app.factory:
                mod = self.symbols.module(app.span.file)
                node = mod.top.get(app.factory) if mod else None
                if node is not None:
                    found = definition(app.span.file, app.factory, node)
                    start, end = found.start, found.end
            self._code_piece(
                f"app:{app.span.file}:{app.name}",
                f"app factory {app.factory}()" if app.factory else f"app {app.name}",
                app.span.file,
                start,
                end,
                "how the app is built (trimmed)",
                kind="factory",
                score=0.40,
                max_lines=MAX_TRIMMED_LINES,
            )

    def _add_config(self) -> None:
        names = {"config.py", "settings.py", "configs.py"}
        candidates = [f for f in self.symbols.python_files() if PurePosixPath(f).name in names]
        candidates.sort(key=lambda f: (f.count("/"), f))
        for rel in candidates[:2]:
            lines = self.lines(rel)
            if lines:
                self._code_piece(
                    f"config:{rel}",
                    f"config {rel}",
                    rel,
                    1,
                    len(lines),
                    "the app's configuration (trimmed, secrets redacted)",
                    kind="config",
                    score=0.30,
                    max_lines=MAX_TRIMMED_LINES,
                )
