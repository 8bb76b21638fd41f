"""The change as routes: the map at a base against the map now, and why each route is affected.

Line diffs say which files moved; a reviewer of a Flask app wants to know which *routes* did:
added, removed, changed (methods, rule, endpoint, decorators, auth, hooks), and routes whose code
changed without their shape changing: the view itself, a decorator or hook it goes through, its
blueprint's registration, or a function the view calls (one or two hops, matched by name).

Both maps come from ``read_project``; the base one reads git objects through a
:class:`~architect_tui.analysis.sources.SourceProvider` and shares a facts memo with the other, so
only the files that differ are parsed twice. The change itself is any object with the shape of
:class:`ChangeSource` (``vcs.changeset.ChangeSet`` is one): analysis never imports git.
"""

from __future__ import annotations

import ast
import gc
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from architect_tui.analysis.model import Diagnostic, ProjectMap, Route, SourceSpan, route_json
from architect_tui.analysis.pycheck import parse
from architect_tui.analysis.sources import (
    MAX_FILE_BYTES,
    ProjectFiles,
    SourceError,
    _skipped_by_name,
    decode_source,
)

Range = tuple[int, int]
#: A verdict on a route's protection ("decorator", "hook", "none"...), passed in by the caller:
#: the one auth verdict lives above analysis, with the rules.
AuthVerdict = Callable[[ProjectMap, Route], str]

#: Names too generic to follow as "the view calls a changed function" (methods of everything).
_GENERIC_NAMES = frozenset(
    {
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "head",
        "options",
        "run",
        "main",
        "init",
        "setup",
        "update",
        "save",
        "add",
        "append",
        "format",
        "join",
        "items",
        "keys",
        "values",
        "load",
    }
)
_REGISTERING = re.compile(
    r"^[\w.]+\.(route|get|post|put|patch|delete|api_route|resource|add_resource)\s*\("
)
#: Fields compared between a route before and after, in the order they are reported.
FIELDS = ("rule", "methods", "endpoint", "view", "kind", "file", "decorators", "auth", "hooks")


class ChangedFileLike(Protocol):
    path: str
    old_path: str | None
    status: str
    added: tuple[Range, ...]
    removed: tuple[Range, ...]


class ChangeSource(Protocol):
    """What the route diff needs from a change set (``vcs.changeset.ChangeSet`` has it)."""

    base: str
    head: str | None
    files: Sequence[Any]

    @property
    def head_label(self) -> str: ...
    def base_files(self) -> list[str]: ...
    def head_files(self) -> list[str] | None: ...
    def read_base(self, rel: str) -> bytes | None: ...
    def read_head(self, rel: str) -> bytes | None: ...


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a route's code changed: ``kind`` is view, decorator, hook, registration or callee."""

    kind: str
    file: str
    line: int
    name: str
    via: str | None = None  # for a callee two hops away: the function in between

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "file": self.file,
            "line": self.line,
            "name": self.name,
        }
        if self.via:
            out["via"] = self.via
        return out


@dataclass(frozen=True, slots=True)
class RouteChange:
    before: Route
    after: Route
    fields: tuple[str, ...]
    auth: tuple[str, str] | None = None  # (verdict before, after) when "auth" is in fields

    def describe(self) -> list[tuple[str, str, str]]:
        """(field, before, after) as text, for each changed field."""
        return [
            (
                name,
                *(
                    _field_text(r, name, i, self.auth)
                    for i, r in enumerate((self.before, self.after))
                ),
            )
            for name in self.fields
        ]


def _field_text(route: Route, name: str, side: int, auth: tuple[str, str] | None) -> str:
    if name == "auth":
        return auth[side] if auth else "?"
    if name == "file":
        return route.span.file
    if name == "hooks":
        return ", ".join(f"{h.kind} {h.function}" for h in route.hooks) or "none"
    if name == "decorators":
        return ", ".join(route.decorators) or "none"
    if name == "methods":
        return ",".join(route.methods)
    return str(getattr(route, name))


@dataclass(frozen=True, slots=True)
class CodeChange:
    route: Route
    reasons: tuple[Reason, ...]
    before: Route | None = None


@dataclass(slots=True)
class RouteDiff:
    """The route-level diff of a change (the ``architect diff --json`` contract)."""

    base: str
    head: str
    added: list[Route] = field(default_factory=list)
    removed: list[Route] = field(default_factory=list)
    changed: list[RouteChange] = field(default_factory=list)
    code_changed: list[CodeChange] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.code_changed)

    def badges(self) -> dict[tuple[str, str], str]:
        """(rule, endpoint) of each affected route, now or at the base -> its strongest badge."""
        out: dict[tuple[str, str], str] = {}
        for c in self.code_changed:
            out[(c.route.rule, c.route.endpoint)] = "code changed"
        for ch in self.changed:
            out[(ch.after.rule, ch.after.endpoint)] = "changed"
        for r in self.removed:
            out[(r.rule, r.endpoint)] = "removed"
        for r in self.added:
            out[(r.rule, r.endpoint)] = "added"
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "head": self.head,
            "routes": {
                "added": [route_json(r) for r in self.added],
                "removed": [route_json(r) for r in self.removed],
                "changed": [
                    {
                        "before": route_json(c.before),
                        "after": route_json(c.after),
                        "fields": list(c.fields),
                        **({"auth": list(c.auth)} if c.auth else {}),
                    }
                    for c in self.changed
                ],
                "code_changed": [
                    {"route": route_json(c.route), "reasons": [r.to_json() for r in c.reasons]}
                    for c in self.code_changed
                ],
            },
            "files": list(self.files),
        }


# -- mapping both sides ------------------------------------------------------------------------


@dataclass(slots=True)
class CommitSources:
    """A project's Python files at a commit, for ``read_project(sources=...)``."""

    root: Path
    names: list[str]
    reader: Callable[[str], bytes | None]
    cache_kind: str

    def list_files(self) -> ProjectFiles:
        files = [n for n in self.names if n.endswith(".py") and not _skipped_by_name(n)]
        return ProjectFiles(self.root, sorted(files), [], True)

    def read_bytes(self, rel: str) -> bytes:
        data = self.reader(rel)
        if data is None:
            raise SourceError("skipped: not in the commit")
        if len(data) > MAX_FILE_BYTES:
            raise SourceError(
                f"skipped: {len(data):,} bytes is over the {MAX_FILE_BYTES:,} byte limit"
            )
        return data


def map_change(
    root: Path, change: ChangeSource, *, use_cache: bool = True
) -> tuple[ProjectMap, ProjectMap]:
    """(map at the base, map at the head). Files unchanged between them are parsed once."""
    from architect_tui.analysis.reader import read_project

    memo: dict[str, Any] = {}
    root = Path(root).resolve()
    head_names = change.head_files()
    if head_names is None:
        after = read_project(root, use_cache=use_cache, memo=memo)
    else:
        sources = CommitSources(root, head_names, change.read_head, "head")
        after = read_project(root, use_cache=use_cache, sources=sources, memo=memo)
    kind = getattr(change, "cache_kind", "base")  # an apply's base is not worth keeping
    base_sources = CommitSources(root, change.base_files(), change.read_base, kind)
    before = read_project(root, use_cache=use_cache, sources=base_sources, memo=memo)
    return before, after


def diff_change(
    root: Path,
    change: ChangeSource,
    *,
    use_cache: bool = True,
    auth: AuthVerdict | None = None,
) -> tuple[RouteDiff, ProjectMap, ProjectMap]:
    """Map both sides of ``change`` and diff them: (diff, map at base, map at head)."""
    gc_was_on = gc.isenabled()
    gc.disable()  # as in the reader: many long-lived objects, no garbage cycles worth chasing
    try:
        before, after = map_change(root, change, use_cache=use_cache)
        return diff_maps(before, after, change, auth=auth), before, after
    finally:
        if gc_was_on:
            gc.enable()


# -- the diff ----------------------------------------------------------------------------------


def diff_maps(
    before: ProjectMap,
    after: ProjectMap,
    change: ChangeSource,
    *,
    auth: AuthVerdict | None = None,
) -> RouteDiff:
    """Routes added, removed, changed and code-changed between two maps of one change."""
    diff = RouteDiff(change.base, change.head_label, files=[f.path for f in change.files])
    pairs, diff.added, diff.removed = _match(before.routes, after.routes)
    code = _CodeIndex(before, after, change)
    for old, new in pairs:
        verdicts = (auth(before, old), auth(after, new)) if auth is not None else None
        fields = _fields(old, new, verdicts)
        if fields:
            shown = verdicts if "auth" in fields else None
            diff.changed.append(RouteChange(old, new, fields, shown))
        reasons = code.reasons(old, new)
        if reasons:
            diff.code_changed.append(CodeChange(new, reasons, old))
    return diff


def _match(
    old: list[Route], new: list[Route]
) -> tuple[list[tuple[Route, Route]], list[Route], list[Route]]:
    """Pair routes: same (endpoint, rule), then same endpoint (rule moved), then same rule."""
    left, right = list(old), list(new)
    pairs: list[tuple[Route, Route]] = []
    keys: tuple[Callable[[Route], object], ...] = (
        lambda r: (r.endpoint, r.rule, r.app),
        lambda r: (r.endpoint, r.app),
        lambda r: (r.rule, r.methods, r.app),
        lambda r: (r.rule, r.app),
        lambda r: (r.endpoint, r.rule),  # the app itself was renamed or could not be read
    )
    for key in keys:
        index: dict[object, list[Route]] = {}
        for r in right:
            index.setdefault(key(r), []).append(r)
        rest: list[Route] = []
        for r in left:
            bucket = index.get(key(r))
            if bucket:
                pairs.append((r, bucket.pop(0)))
            else:
                rest.append(r)
        taken = {id(b) for _, b in pairs}
        left, right = rest, [r for r in right if id(r) not in taken]
    return pairs, right, left


def _shape_decorators(route: Route) -> tuple[str, ...]:
    """Decorators other than the one that registers the route (its rule and methods say that)."""
    return tuple(d for d in route.decorators if not _REGISTERING.match(d))


def _hooks(route: Route) -> tuple[tuple[str, str, str, str | None], ...]:
    return tuple((h.kind, h.owner, h.function, h.error) for h in route.hooks)


def _fields(old: Route, new: Route, verdicts: tuple[str, str] | None) -> tuple[str, ...]:
    out = []
    for name in FIELDS:
        if name == "file":
            differs = old.span.file != new.span.file
        elif name == "decorators":
            differs = _shape_decorators(old) != _shape_decorators(new)
        elif name == "hooks":
            differs = _hooks(old) != _hooks(new)
        elif name == "auth":
            differs = verdicts is not None and verdicts[0] != verdicts[1]
        else:
            differs = getattr(old, name) != getattr(new, name)
        if differs:
            out.append(name)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Function:
    name: str
    file: str
    line: int
    end_line: int


def _overlaps(ranges: Iterable[Range], start: int, end: int) -> bool:
    return any(a <= end and b >= start for a, b in ranges)


def _within(inner: SourceSpan, outer: SourceSpan) -> bool:
    return inner.file == outer.file and outer.line <= inner.line <= outer.end_line


def _parse(data: bytes | None, rel: str) -> ast.Module | None:
    """The file's tree, or None when it is missing, undecodable or unsafe to parse."""
    if data is None:
        return None
    try:
        text = decode_source(data)
    except SourceError:
        return None
    tree = parse(text, rel)
    return tree if isinstance(tree, ast.Module) else None


def _functions(tree: ast.Module, rel: str) -> list[_Function]:
    """Every function and method of a module, with its span (decorators included)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            out.append(_Function(node.name, rel, start, node.end_lineno or node.lineno))
    return out


def _touched(functions: list[_Function], ranges: tuple[Range, ...]) -> list[_Function]:
    """The functions a change touches: each one whose span meets a changed range, the
    enclosing ones included (a decorator's body is usually an inner ``wrapper``)."""
    return [f for f in functions if _overlaps(ranges, f.line, f.end_line)]


class _CodeIndex:
    """Which spans changed on each side, and which functions (by name) the change touched."""

    def __init__(self, before: ProjectMap, after: ProjectMap, change: ChangeSource) -> None:
        self.before, self.after, self.change = before, after, change
        self.added: dict[str, tuple[Range, ...]] = {}
        self.removed: dict[str, tuple[Range, ...]] = {}
        self.touched: dict[str, _Function] = {}
        for f in change.files:
            if f.status != "deleted":
                self.added[f.path] = f.added
            if f.old_path is not None:
                self.removed[f.old_path] = f.removed
            if not (f.path.endswith(".py") or (f.old_path or "").endswith(".py")):
                continue
            new_tree = _parse(change.read_head(f.path), f.path) if f.status != "deleted" else None
            old_tree = _parse(change.read_base(f.old_path), f.old_path) if f.old_path else None
            found: list[_Function] = []
            if new_tree is not None:
                found += _touched(_functions(new_tree, f.path), f.added)
            if old_tree is not None and f.old_path is not None:
                found += _touched(_functions(old_tree, f.old_path), f.removed)
            for fn in found:
                if not fn.name.startswith("__") and fn.name not in _GENERIC_NAMES:
                    self.touched.setdefault(fn.name, fn)
        # A changed view is a "view" reason of its own routes; other code rarely calls a view,
        # and following its name through every file would cost more than it finds.
        views = {r.view for r in (*before.routes, *after.routes)}
        self.callable = {n: f for n, f in self.touched.items() if n not in views}
        self._callers: dict[str, tuple[str, _Function]] | None = None
        self._texts: dict[str, list[str]] = {}
        self._may: dict[str, bool] = {}

    # spans
    def _new(self, span: SourceSpan | None) -> bool:
        return span is not None and _overlaps(
            self.added.get(span.file, ()), span.line, span.end_line
        )

    def _old(self, span: SourceSpan | None) -> bool:
        return span is not None and _overlaps(
            self.removed.get(span.file, ()), span.line, span.end_line
        )

    def reasons(self, old: Route, new: Route) -> tuple[Reason, ...]:
        out: list[Reason] = []
        if self._new(new.span) or self._old(old.span):
            out.append(Reason("view", new.span.file, new.span.line, new.view))
        for deco in _shape_decorators(new):
            name = deco.split("(", 1)[0].rsplit(".", 1)[-1].strip()
            fn = self.touched.get(name)
            if fn is not None:
                out.append(Reason("decorator", fn.file, fn.line, name))
        seen_hooks = set()
        for route, side in ((new, self._new), (old, self._old)):
            for hook in route.hooks:
                key = (hook.kind, hook.function)
                if key not in seen_hooks and side(hook.span):
                    seen_hooks.add(key)
                    out.append(Reason("hook", hook.span.file, hook.span.line, hook.function))
        reg = self._registration(new, self.after, self._new) or self._registration(
            old, self.before, self._old
        )
        if reg is not None:
            out.append(reg)
        out += self._callees(new, {r.name for r in out})
        return tuple(out)

    def _registration(
        self, route: Route, project: ProjectMap, changed: Callable[[SourceSpan | None], bool]
    ) -> Reason | None:
        at = route.registered_at
        # A decorator's line is part of the view's span: that is a "view" reason already.
        if at is not None and changed(at) and not _within(at, route.span):
            return Reason("registration", at.file, at.line, route.endpoint)
        name = route.blueprint
        while name:
            bp = project.blueprint_by_name(name)
            if bp is None:
                break
            for span in (bp.registered_at, bp.span):
                if span is not None and changed(span):
                    return Reason("registration", span.file, span.line, bp.full_name)
            name = bp.parent
        return None

    # callees
    def _lines(self, rel: str) -> list[str]:
        if rel not in self._texts:
            data = self.change.read_head(rel)
            try:
                self._texts[rel] = decode_source(data).splitlines() if data is not None else []
            except SourceError:
                self._texts[rel] = []
        return self._texts[rel]

    def _view_calls(self, route: Route) -> set[str]:
        text = "\n".join(self._lines(route.span.file)[route.span.line - 1 : route.span.end_line])
        return set(_CALL.findall(text))

    def _callees(self, route: Route, already: set[str]) -> list[Reason]:
        if not self.callable or route.kind == "static" or not self._may_call(route.span.file):
            return []
        calls = self._view_calls(route)
        out = []
        for name in sorted(calls & self.callable.keys()):
            if name != route.view and name not in already:
                fn = self.callable[name]
                out.append(Reason("callee", fn.file, fn.line, name))
        done = {r.name for r in out} | already
        for via in sorted(calls & self.callers().keys()):
            name, fn = self.callers()[via]
            if name not in done and via != route.view:
                done.add(name)
                out.append(Reason("callee", fn.file, fn.line, name, via=via))
        return out

    def _may_call(self, rel: str) -> bool:
        """Whether the file names a touched function or one that calls one (a cheap test that
        spares reading every view of the project line by line)."""
        if rel not in self._may:
            names = [*self.callable, *self.callers()]
            text = "\n".join(self._lines(rel))
            self._may[rel] = any(n in text for n in names)
        return self._may[rel]

    def callers(self) -> dict[str, tuple[str, _Function]]:
        """Function name -> (a touched function it calls, that function): the second hop."""
        if self._callers is not None:
            return self._callers
        self._callers = {}
        pattern = re.compile(
            r"\b(" + "|".join(re.escape(n) for n in sorted(self.callable)) + r")\s*\("
        )
        needles = [n.encode() for n in self.callable]
        names = self.change.head_files()
        if names is None:
            names = self.after.files
        for rel in names:
            if not rel.endswith(".py"):
                continue
            data = self.change.read_head(rel)
            if data is None or not any(n in data for n in needles):  # cheap before the regex
                continue
            if not pattern.search(data.decode("utf-8", "replace")):
                continue
            tree = _parse(data, rel)
            if tree is None:
                continue
            lines = self._lines(rel)
            for fn in _functions(tree, rel):
                body = "\n".join(lines[fn.line - 1 : fn.end_line])
                for called in pattern.findall(body):
                    if called != fn.name and fn.name not in self.touched:
                        self._callers.setdefault(fn.name, (called, self.callable[called]))
        return self._callers


_CALL = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")
