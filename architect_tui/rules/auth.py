"""Is this route protected? One verdict, used by rule FLK112 and by the TUI's details pane.

A route "lacks auth" when it carries no auth decorator, does not check the visitor itself, is
not an entry point (login, register, health...), no ``before_request`` hook of its blueprint (or
of the app) enforces a login, and the sibling views that address the same resource all carry
one. "The same resource": siblings sharing the URL variable after the same static prefix
(``/<int:order_id>`` and ``/<int:order_id>/invoice``); without one, views of the same kind
(reads with reads, writes with writes), so a public list next to protected writes, or a public
cart next to protected orders, is the usual design and not a gap.

The decision (:func:`auth_gap`) works on plain :class:`RouteShape` values, so the rule (which
builds them from the project map, or from its own facts when no map exists) and the UI (from the
map) cannot disagree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from architect_tui.analysis.model import Hook, ProjectMap, Route

AUTH_DECORATOR = re.compile(
    r"(login_required|auth|jwt_required|permission|roles?_required|roles_accepted|"
    r"admin_required|requires?_|token_required)",
    re.IGNORECASE,
)
PUBLIC = re.compile(
    r"(login|logout|signin|sign_in|register|signup|sign_up|reset|forgot|confirm|verify|"
    r"callback|oauth|health|ping|status|static|create_user|new_user|create_account)",
    re.IGNORECASE,
)
# The view checks the visitor itself (anonymous or not, permissions) instead of a decorator.
SELF_CHECK = re.compile(
    r"(is_anonymous|is_authenticated|\.can\(|has_permission|g\.user\s+is\s+None|"
    r"not\s+g\.user\b(?!\.)|abort\(40[13])"
)
AUTH_HOOK_WORDS = (
    "login",
    "auth",
    "current_user",
    "g.user",
    "abort(401",
    "abort(403",
    "token",
    "jwt",
)
ROUTE_DECORATOR = re.compile(r"\.(route|get|post|put|patch|delete)$")
_VAR = re.compile(r"<(?:\w+:)?(\w+)>")


def is_auth_decorator(decorator: str) -> bool:
    """``login_required``, ``auth.login_required``, ``jwt_required()``, ``roles_required("a")``;
    not a route registration (``auth_bp.route('/x')``)."""
    callee = decorator.split("(", 1)[0].strip().lstrip("@")
    if ROUTE_DECORATOR.search(callee):
        return False
    return bool(AUTH_DECORATOR.search(callee.rpartition(".")[2]))


def hook_enforces_auth(body: str) -> bool:
    """A before_request body that ends the request (abort, redirect, return) for visitors
    without a login or a token."""
    lowered = body.lower()
    enforces = any(w in lowered for w in ("abort(", "redirect(", "return "))
    return enforces and any(word in lowered for word in AUTH_HOOK_WORDS)


@dataclass(frozen=True, slots=True)
class RouteShape:
    """What the verdict reads of one view."""

    name: str
    rules: tuple[str, ...]
    methods: tuple[str, ...]
    decorators: tuple[str, ...]
    self_checks: bool = False  # its body checks the visitor (is_authenticated, abort(403)...)

    @property
    def auth_decorators(self) -> tuple[str, ...]:
        return tuple(d for d in self.decorators if is_auth_decorator(d))

    @property
    def reads(self) -> bool:
        return set(self.methods) <= {"GET", "HEAD", "OPTIONS"}

    def resources(self) -> set[tuple[str, str]]:
        """(static prefix before the first variable, variable) of each rule: '/<int:order_id>'
        and '/<int:order_id>/invoice' address the same order; '/post/<int:id>' and
        '/edit/<int:id>' do not (an ``id`` of different things)."""
        out = set()
        for rule in self.rules:
            m = _VAR.search(rule)
            if m:
                out.add((rule[: m.start()], m.group(1)))
        return out


@dataclass(frozen=True, slots=True)
class AuthGap:
    """This route has no auth; ``guarded`` of its ``siblings`` have one, among them every view
    of ``group``, the ones addressing the same resource (or of the same kind)."""

    guarded: int
    siblings: int
    example: str  # the decorator the siblings carry, as written
    group: tuple[str, ...] = ()  # names of the siblings compared with


def auth_gap(
    route: RouteShape, siblings: Sequence[RouteShape], hook_guarded: bool = False
) -> AuthGap | None:
    """The verdict: a gap, or None when the route is protected, public by design or alone."""
    if route.auth_decorators or route.self_checks or hook_guarded:
        return None
    if PUBLIC.search(route.name) or any(PUBLIC.search(r) for r in route.rules):
        return None
    others = [s for s in siblings if s.name != route.name]
    if len(others) < 2:
        return None
    mine = route.resources()
    related = [s for s in others if mine & s.resources()] if mine else []
    alike = [s for s in others if s.reads == route.reads]
    group = related if len(related) >= 2 else alike if len(alike) >= 3 else []
    carried = [s.auth_decorators for s in group]
    if not carried or not all(carried):
        return None
    guarded = sum(1 for s in others if s.auth_decorators)
    return AuthGap(guarded, len(others), carried[0][0], tuple(s.name for s in group))


# ---- from the project map ---------------------------------------------------------------------


def shape_of(route: Route, text_of: Callable[[str], str | None] | None = None) -> RouteShape:
    """A route of the map as the verdict reads it (its body from ``text_of`` when given)."""
    body = _span_text(text_of, route.span.file, route.span.line, route.span.end_line)
    return RouteShape(
        name=route.view,
        rules=(route.rule,),
        methods=route.methods,
        decorators=route.decorators,
        self_checks=bool(body and SELF_CHECK.search(body)),
    )


def route_auth_gap(
    project: ProjectMap,
    route: Route,
    text_of: Callable[[str], str | None] | None = None,
    blueprint_routes: Sequence[Route] | None = None,
) -> AuthGap | None:
    """The verdict for one route of the map: siblings are the other views of its blueprint
    (one shape per view, its rules merged), hooks are its request pipeline. A caller judging
    many routes passes ``blueprint_routes`` (``project.routes_of(route.blueprint)``) from an
    index: finding them costs a pass over every route of the project."""
    if route.blueprint is None or route.kind in {"static", "missing"}:
        return None
    if blueprint_routes is None:
        blueprint_routes = project.routes_of(route.blueprint)
    views: dict[str, RouteShape] = {}
    for r in blueprint_routes:
        if r.kind in {"static", "missing"}:
            continue
        shape = shape_of(r, text_of if r is route else None)
        known = views.get(r.endpoint)
        if known is not None:
            shape = RouteShape(
                known.name,
                known.rules + shape.rules,
                tuple(sorted(set(known.methods) | set(shape.methods))),
                known.decorators,
                known.self_checks or shape.self_checks,
            )
        views[r.endpoint] = shape
    mine = views.get(route.endpoint) or shape_of(route, text_of)
    guarded = any(_hook_guards(h, text_of) for h in route.hooks)
    return auth_gap(mine, [v for e, v in views.items() if e != route.endpoint], guarded)


def route_auth_verdict(project: ProjectMap, route: Route) -> str:
    """One word for how the route is protected, for the route-level diff of a change:
    ``decorator``, ``hook`` (a before_request hook enforces a login), ``gap`` (unprotected
    while its siblings are), ``open`` (unprotected, like its siblings or by design)."""
    if any(is_auth_decorator(d) for d in route.decorators):
        return "decorator"
    if any(_hook_guards(h, None) for h in route.hooks):
        return "hook"
    return "gap" if route_auth_gap(project, route) is not None else "open"


def _hook_guards(hook: Hook, text_of: Callable[[str], str | None] | None) -> bool:
    if hook.kind not in {"before_request", "before_app_request"}:
        return False
    body = _span_text(text_of, hook.span.file, hook.span.line, hook.span.end_line)
    if body is None:  # no text: judge by the name the hook was given
        return bool(re.search(r"(require|auth|login|guard|protect|permission)", hook.function))
    return hook_enforces_auth(body)


def _span_text(
    text_of: Callable[[str], str | None] | None, file: str, start: int, end: int
) -> str | None:
    if text_of is None:
        return None
    text = text_of(file)
    if text is None:
        return None
    return "\n".join(_lines(text)[max(start - 1, 0) : max(end, start)])


@functools.lru_cache(maxsize=32)
def _lines(text: str) -> list[str]:
    """A file's lines, split once: a blueprint's views and hooks all read from the same file."""
    return text.splitlines()
