"""Following what a selection uses to the definitions the reviewer needs (the context
builder's biggest job, apart so ``context`` stays an orchestrator).

``UsedDefinitions`` is mixed into the builder: it resolves the names a span uses (``symbols``),
then asks ``related`` which members of a class, which auth callbacks and which registry entries
matter, and adds the pieces with their relevance scores (listed in ``context``'s docstring).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from architect_tui.analysis.model import ProjectMap
from architect_tui.review.model import ContextPiece
from architect_tui.review.redact import Redactor
from architect_tui.review.related import (
    attribute_names,
    auth_callbacks,
    class_decorator_names,
    class_member_names,
    class_spans,
    guard_object,
    is_guard_name,
    method_owners,
)
from architect_tui.review.render import numbered
from architect_tui.review.symbols import (
    Definition,
    Module,
    SymbolIndex,
    definition,
    kind_word,
    names_used,
)
from architect_tui.review.tokens import estimate_tokens

MAX_DEFINITION_LINES = 150
MAX_SCANNED_FILES = 2000  # files searched for an auth object's callbacks


def make_piece(
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


class UsedDefinitions:
    """The builder's half that follows names; the other half (``context._Builder``) provides
    the attributes and piece makers declared here."""

    project: ProjectMap
    symbols: SymbolIndex
    redactor: Redactor
    pieces: list[ContextPiece]
    _seen_spans: list[tuple[str, int, int]]
    lines: Callable[[str], list[str] | None]
    _covered: Callable[[str, int, int], bool]
    _code_piece: Callable[..., ContextPiece | None]

    def _add_used_definitions(self, file: str, start: int, end: int) -> None:
        """What lines start..end of ``file`` use, resolved by name, then one more hop.

        A class comes trimmed to the members the code uses (``Query.fork()``, ``q.fork()``
        where ``fork`` is only defined by ``Query``), never cut by position; a guard on an
        auth object (``@token_auth.login_required``) brings the object and its callbacks; a
        class's ``decorators = [...]`` counts as decorating the selection.
        """
        mod = self.symbols.module(file)
        if mod is None:
            return
        queue: list[tuple[Module, int, int, int]] = [(mod, start, end, 1)]
        while queue:
            module, s, e, depth = queue.pop(0)
            attrs = attribute_names(module.tree, s, e)
            uses = names_used(module.tree, s, e)
            guards = self._class_guards(module, s, e)
            found: dict[tuple[str, str], tuple[Definition, bool, set[str]]] = {}
            for use in uses:
                definition = self.symbols.resolve(module, use.dotted)
                if definition is None:
                    if depth == 1 and use.decorator and is_guard_name(use.dotted):
                        self._add_loader_callbacks(use.dotted)  # Flask-Login's own guard
                    continue
                if definition.file == file and definition.start <= end and definition.end >= start:
                    continue  # inside the selection itself
                if self._is_blueprint_object(definition):
                    continue  # the blueprint gets its own piece (definition + registration)
                key = (definition.file, definition.name)
                decorator = use.decorator or use.dotted in guards
                _, was_decorator, members = found.get(key, (definition, False, set()))
                if isinstance(definition.node, ast.ClassDef):
                    members |= _members_named(use.dotted, definition.name)
                    members |= attrs & class_member_names(definition.node)
                found[key] = (definition, was_decorator or decorator, members)
                guard = guard_object(use.dotted) if decorator else None
                if guard is not None and depth == 1:
                    self._add_auth_callbacks(module, guard, use.dotted)
            if depth == 1:
                self._add_methods_by_name(module, attrs, found)
            for definition, decorator, members in found.values():
                score, reason = self._rank(definition, decorator, depth, module)
                piece = self._definition_piece(definition, members, reason, score)
                if piece is not None and depth < 2:
                    target = self.symbols.module(definition.file)
                    # a registry the code dispatches through ({"csv": CsvExporter, ...}): its
                    # classes are what the selection runs, so they count as used directly
                    hop = depth if _is_registry(definition.node) else depth + 1
                    if target is not None:
                        queue.append((target, definition.start, definition.end, hop))

    def _class_guards(self, module: Module, start: int, end: int) -> set[str]:
        """Names in ``decorators = [...]`` of the classes in (or used by) lines start..end."""
        names: set[str] = set()
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef) and start <= node.lineno <= end:
                names.update(class_decorator_names(node))
        return names

    def _definition_piece(
        self, found: Definition, members: set[str], reason: str, score: float
    ) -> ContextPiece | None:
        piece_id = f"def:{found.file}:{found.name}"
        title = f"{kind_word(found.node)} {found.name}"
        if isinstance(found.node, ast.ClassDef):
            spans, left_out = class_spans(found.node, members)
            if left_out:
                return self._spans_piece(
                    piece_id, title, found.file, spans, reason, score=score, left_out=left_out
                )
        return self._code_piece(
            piece_id,
            title,
            found.file,
            found.start,
            found.end,
            reason,
            kind="definition",
            score=score,
            max_lines=MAX_DEFINITION_LINES,
        )

    def _spans_piece(
        self,
        piece_id: str,
        title: str,
        file: str,
        spans: list[tuple[int, int]],
        reason: str,
        *,
        score: float,
        left_out: list[str],
    ) -> ContextPiece | None:
        """A class trimmed to some of its lines: each span numbered, gaps shown as ``...``."""
        lines = self.lines(file)
        if not lines or not spans:
            return None
        start, end = spans[0][0], spans[-1][1]
        if self._covered(file, start, end):
            return None
        self._seen_spans.extend((file, s, e) for s, e in spans)
        blocks = []
        for s, e in spans:
            body = self.redactor.redact("\n".join(lines[s - 1 : e]), file, s)
            blocks.append(numbered(body.split("\n"), s))
        gap = "\n     ...\n"
        names = ", ".join(left_out[:20]) + (" ..." if len(left_out) > 20 else "")
        note = f"\n(other members not shown: {names})"
        text = f"### {title} — {file}:{start}-{end} (members used)\n```python\n"
        text += gap.join(blocks) + f"\n```{note}"
        piece = make_piece(
            piece_id, title, file, start, end, text, reason + " (the members it uses)",
            kind="definition", score=score,
        )  # fmt: skip
        self.pieces.append(piece)
        return piece

    def _add_auth_callbacks(self, module: Module, guard: str, decorator: str) -> None:
        """``@token_auth.login_required``: the callbacks registered on ``token_auth``
        (``@token_auth.verify_token``) decide who passes; send them with the route."""
        target = self.symbols.resolve(module, guard)
        if target is None:
            return
        name = guard.rpartition(".")[2] or guard
        files = [target.file] + [
            f
            for f in self.symbols.python_files()[:MAX_SCANNED_FILES]
            if f != target.file and any(f"@{name}." in ln for ln in (self.lines(f) or []))
        ]
        for rel in files:
            mod = self.symbols.module(rel)
            if mod is None:
                continue
            for node in auth_callbacks(mod.tree, {name, guard}):
                found = definition(rel, getattr(node, "name", name), node)
                self._code_piece(
                    f"def:{rel}:{found.name}",
                    f"def {found.name}",
                    rel,
                    found.start,
                    found.end,
                    f"registered on {name}: decides who passes @{decorator}",
                    kind="definition",
                    score=0.93,
                    max_lines=MAX_DEFINITION_LINES,
                )

    def _add_loader_callbacks(self, decorator: str) -> None:
        """A guard from a library (``flask_login.login_required``): what it checks is the
        project's ``@login_manager.user_loader`` / ``request_loader``... callbacks."""
        for rel in self.symbols.python_files()[:MAX_SCANNED_FILES]:
            lines = self.lines(rel) or []
            if not any(ln.lstrip().startswith("@") and "_loader" in ln for ln in lines):
                continue
            mod = self.symbols.module(rel)
            for node in auth_callbacks(mod.tree, None) if mod is not None else []:
                found = definition(rel, getattr(node, "name", "callback"), node)
                self._code_piece(
                    f"def:{rel}:{found.name}",
                    f"def {found.name}",
                    rel,
                    found.start,
                    found.end,
                    f"the auth callback behind @{decorator}",
                    kind="definition",
                    score=0.93,
                    max_lines=MAX_DEFINITION_LINES,
                )

    def _add_methods_by_name(
        self,
        module: Module,
        attrs: set[str],
        found: dict[tuple[str, str], tuple[Definition, bool, set[str]]],
    ) -> None:
        """``obj.fork()`` on a receiver we cannot type: the one class, in this module or the
        modules it imports, that defines ``fork`` (trimmed to it)."""
        known = {m for _, _, members in found.values() for m in members}
        wanted = attrs - known
        if not wanted:
            return
        classes: list[tuple[str, ast.ClassDef, str]] = []
        files = {module.file}
        for target_mod, attr in module.imports.values():
            rel = self.symbols.module_file(f"{target_mod}.{attr}" if attr else target_mod)
            rel = rel or self.symbols.module_file(target_mod)
            if rel is not None:
                files.add(rel)
        for rel in sorted(files):
            mod = self.symbols.module(rel)
            if mod is None:
                continue
            for name, node in mod.top.items():
                if isinstance(node, ast.ClassDef):
                    classes.append((name, node, rel))
        owners = method_owners(((n, c) for n, c, _ in classes), wanted)
        for method, owner in owners.items():
            rel, node = next((r, c) for n, c, r in classes if n == owner)
            key = (rel, owner)
            definition_, decorator, members = found.get(
                key, (definition(rel, owner, node), False, set())
            )
            found[key] = (definition_, decorator, members | {method})

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


def _is_registry(node: ast.AST) -> bool:
    """A module-level dict/list/tuple of names: a registry of classes or functions."""
    value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
    if isinstance(value, ast.Dict):
        items = [v for v in value.values if v is not None]
    elif isinstance(value, ast.List | ast.Tuple | ast.Set):
        items = list(value.elts)
    else:
        return False
    return bool(items) and all(isinstance(i, ast.Name | ast.Attribute) for i in items)


def _members_named(dotted: str, class_name: str) -> set[str]:
    """``{"fork"}`` for ``models.Query.fork`` used against the class ``Query``."""
    parts = dotted.split(".")
    if class_name in parts:
        rest = parts[parts.index(class_name) + 1 :]
        return {rest[0]} if rest else set()
    return set()
