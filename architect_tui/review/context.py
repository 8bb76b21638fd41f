"""Build what the reviewer sees: the selection, its route facts, and the code around it.

``build_request`` gathers :class:`ContextPiece` values, ranks the optional ones by relevance and
cuts them to a token budget. The UI lists the pieces, lets the user toggle them and calls
``render_user_message`` again; nothing here talks to the network.

Relevance, highest first (``score``):

- 0.95 a decorator on the selection (``login_required``), also one listed in a class's
  ``decorators = [...]`` (Flask-RESTful ``Resource``, ``MethodView``)
- 0.93 the callbacks that give a guard its meaning (``@token_auth.verify_token`` behind
  ``@token_auth.login_required``), found by ``related.auth_callbacks``
- 0.90 a route view of the selected blueprint that lives in another file
- 0.85 a class or function the selection uses (models, services, forms, schemas, helpers),
  resolved by name through the module's imports; a long class is trimmed to the members the
  code uses (``Query.fork()``, or ``q.fork()`` when only one imported class defines ``fork``),
  never cut by position
- 0.70 a blueprint-scoped hook or error handler wrapping the route; 0.50 an app-wide one
  (at most ``MAX_HOOKS`` in all)
- 0.65 the blueprint's definition, 0.60 its registration (unless the factory piece shows it)
- 0.60 a module-level constant the selection uses
- 0.58 the app factory, 0.55 the configuration module (one that holds settings, preferring the
  one ``config.from_object`` names), both trimmed: above what follows, so helpers never crowd
  them out
- 0.45 what those definitions use in turn (one more hop)

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
from architect_tui.review.symbols import SymbolIndex, definition
from architect_tui.review.used import MAX_DEFINITION_LINES, UsedDefinitions, make_piece
from architect_tui.secrets import WithheldError, withheld_message

MAX_SELECTION_LINES = 2000  # a whole 10k-line module would be a 413, not a review
MAX_TRIMMED_LINES = 80
MAX_HOOKS = 6  # hooks sent per request: blueprint-scoped first, then app-wide
MAX_HOOK_LINES = 40
MAX_BLUEPRINT_VIEWS = 40  # a blueprint's views whose dependencies are followed


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
    system = prompts.stable_prompt()
    instructions = prompts.instructions(lens, ask=ask is not None)
    builder = _Builder(project, selection, Redactor())
    pieces = builder.build()
    if hints:
        text = "Notes to consider:\n" + "\n".join(f"- {h}" for h in hints)
        text = builder.redactor.redact_generated(text)
        pieces.insert(
            1,
            make_piece(
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
        instructions=instructions,
        redactor=builder.redactor,
    )


# ---- pieces --------------------------------------------------------------------------------


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


class _Builder(UsedDefinitions):
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
        if sel.kind == "blueprint":  # what its views use: forms, models, helpers
            for route in routes[:MAX_BLUEPRINT_VIEWS]:
                self._add_used_definitions(route.span.file, route.span.line, route.span.end_line)
        self._add_hooks(routes[:5])
        factory_spans = self._factory_spans(routes)
        self._add_blueprint(routes, factory_spans)
        self._add_factory(factory_spans)
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
        piece = make_piece(
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
                make_piece(
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
                make_piece(
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
                make_piece(
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

    def _add_hooks(self, routes: list[Route]) -> None:
        """The hooks and error handlers that apply to the routes, blueprint-scoped first, at
        most ``MAX_HOOKS`` (an app with 40 hooks does not spend the budget on them)."""
        hooks: dict[tuple[str, int], Hook] = {}
        for route in routes:
            for hook in self._pipeline(route):
                hooks.setdefault((hook.span.file, hook.span.line), hook)
        ordered = sorted(hooks.values(), key=lambda h: h.scope == "app" or h.applies_app_wide)
        for hook in ordered[:MAX_HOOKS]:
            app_wide = hook.scope == "app" or hook.applies_app_wide
            label = f"{hook.kind} {hook.function}" + (f" ({hook.error})" if hook.error else "")
            self._code_piece(
                f"hook:{hook.span.file}:{hook.span.line}",
                label,
                hook.span.file,
                hook.span.line,
                hook.span.end_line,
                f"wraps the route ({hook.scope} {hook.owner})",
                kind="hook",
                score=0.50 if app_wide else 0.70,
                max_lines=MAX_HOOK_LINES,
            )

    def _add_blueprint(
        self, routes: list[Route], factory_spans: list[tuple[str, str, int, int]]
    ) -> None:
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
            at = bp.registered_at
            inside_factory = at is not None and any(
                f == at.file and s <= at.line and at.end_line <= e for _, f, s, e in factory_spans
            )
            if at is not None and not inside_factory:  # else the factory piece shows it
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

    def _factory_spans(self, routes: list[Route]) -> list[tuple[str, str, int, int]]:
        """(title, file, start, end) of the app factories to send, already trimmed."""
        wanted = {r.app for r in routes if r.app}
        apps = [a for a in self.project.apps if not wanted or a.name in wanted][:2]
        spans = []
        for app in apps:
            start, end = app.span.line - 10, app.span.end_line + 10
            if app.factory:
                mod = self.symbols.module(app.span.file)
                node = mod.top.get(app.factory) if mod else None
                if node is not None:
                    found = definition(app.span.file, app.factory, node)
                    start, end = found.start, found.end
            end = min(end, max(start, 1) + MAX_TRIMMED_LINES - 1)
            title = f"app factory {app.factory}()" if app.factory else f"app {app.name}"
            spans.append((title, app.span.file, max(1, start), end))
        return spans

    def _add_factory(self, spans: list[tuple[str, str, int, int]]) -> None:
        for title, file, start, end in spans:
            self._code_piece(
                f"app:{file}:{start}",
                title,
                file,
                start,
                end,
                "how the app is built (trimmed)",
                kind="factory",
                score=0.58,  # above second-hop helpers: they never crowd it out
            )

    def _add_config(self) -> None:
        """The configuration module: the one ``config.from_object`` names, else files called
        config/settings that hold settings (UPPER_CASE names), not a helper that shares the name."""
        names = {"config.py", "settings.py", "configs.py", "default_settings.py"}
        candidates = [f for f in self.symbols.python_files() if PurePosixPath(f).name in names]
        named = self._config_from_object()
        candidates.sort(key=lambda f: (f not in named, f.count("/"), f))
        sent = 0
        for rel in candidates:
            lines = self.lines(rel)
            mod = self.symbols.module(rel)
            if not lines or mod is None or not _holds_settings(mod.tree):
                continue
            self._code_piece(
                f"config:{rel}",
                f"config {rel}",
                rel,
                1,
                len(lines),
                "the app's configuration (trimmed, secrets redacted)",
                kind="config",
                score=0.55,
                max_lines=MAX_TRIMMED_LINES,
            )
            sent += 1
            if sent == 2:
                return

    def _config_from_object(self) -> set[str]:
        """Files named by ``app.config.from_object("pkg.config.Config")`` in the factories."""
        found: set[str] = set()
        for app in self.project.apps:
            mod = self.symbols.module(app.span.file)
            if mod is None:
                continue
            for node in ast.walk(mod.tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "from_object"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    dotted = node.args[0].value
                    rel = self.symbols.module_file(dotted) or self.symbols.module_file(
                        dotted.rpartition(".")[0]
                    )
                    if rel:
                        found.add(rel)
        return found


def _holds_settings(tree: ast.Module) -> bool:
    """At least two UPPER_CASE assignments at module level or in a class body."""
    count = 0
    for node in tree.body:
        bodies = node.body if isinstance(node, ast.ClassDef) else [node]
        for item in bodies:
            targets = item.targets if isinstance(item, ast.Assign) else []
            if isinstance(item, ast.AnnAssign):
                targets = [item.target]
            count += sum(1 for t in targets if isinstance(t, ast.Name) and t.id.isupper())
    return count >= 2
