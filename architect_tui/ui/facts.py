"""Small derived facts the UI shows about the map: sizes, token estimates, rule composition and
missing auth decorators. Pure functions over the core's values, so they are tested without a UI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from architect_tui.analysis.model import ProjectMap, Route
from architect_tui.analysis.selection import Selection
from architect_tui.review.tokens import CHARS_PER_TOKEN  # one ratio for status line and context

# Substrings that mark a decorator as an authentication/authorisation gate.
AUTH_MARKERS = (
    "login_required",
    "auth_required",
    "jwt_required",
    "token_required",
    "roles_required",
    "role_required",
    "roles_accepted",
    "permission_required",
    "permissions_required",
    "admin_required",
    "requires_auth",
    "auth.login_required",
    "fresh_login_required",
)


def estimate_tokens(chars: int) -> int:
    """Rough token count for English-and-code text: characters / 3.5, as the status line shows."""
    return 0 if chars <= 0 else max(1, round(chars / CHARS_PER_TOKEN))


@dataclass(frozen=True, slots=True)
class SelectionSize:
    lines: int
    chars: int

    @property
    def tokens(self) -> int:
        return estimate_tokens(self.chars)


def _span_text(text: str | None, start: int | None, end: int | None) -> tuple[int, int]:
    if text is None:
        return 0, 0
    lines = text.splitlines(keepends=True)
    if start is None or end is None:
        return len(lines), len(text)
    chosen = lines[max(start - 1, 0) : max(end, 0)]
    return len(chosen), sum(len(line) for line in chosen)


def selection_size(
    project: ProjectMap | None, selection: Selection, text_of: Callable[[str], str | None]
) -> SelectionSize:
    """Lines and characters the selection stands for. A blueprint spread over several files
    counts its definition and every route's span; anything else counts its file or range."""
    if (
        selection.kind == "blueprint"
        and selection.start is None
        and project is not None
        and selection.blueprint
    ):
        bp = project.blueprint_by_name(selection.blueprint)
        spans = [r.span for r in project.routes_of(selection.blueprint)]
        if bp is not None:
            spans.insert(0, bp.span)
        lines = chars = 0
        for span in spans:
            n, c = _span_text(text_of(span.file), span.line, span.end_line)
            lines += n
            chars += c
        return SelectionSize(lines, chars)
    n, c = _span_text(text_of(selection.file), selection.start, selection.end)
    return SelectionSize(n, c)


# Views that must stay reachable without a login: flagging them would be noise.
PUBLIC_VIEW_WORDS = (
    "login",
    "logout",
    "signin",
    "sign_in",
    "signup",
    "sign_up",
    "register",
    "forgot",
    "reset",
    "confirm",
    "verify",
    "callback",
    "oauth",
    "health",
    "ping",
    "static",
)


def looks_public(route: Route) -> bool:
    """A view whose name or rule says it is an entry point (login, register, health, ...)."""
    text = f"{route.view} {route.endpoint} {route.rule}".lower()
    return any(word in text for word in PUBLIC_VIEW_WORDS)


def is_auth_decorator(decorator: str) -> bool:
    lowered = decorator.lower()
    return any(marker in lowered for marker in AUTH_MARKERS)


@dataclass(frozen=True, slots=True)
class AuthGap:
    """This route has no auth decorator while ``guarded`` of its ``siblings`` do."""

    guarded: int
    siblings: int
    example: str


def auth_gap(project: ProjectMap, route: Route) -> AuthGap | None:
    """A route without an auth decorator in a blueprint whose other routes mostly have one.

    That is the shape of a forgotten ``@login_required``; a blueprint where no route is guarded
    (a public API) is not flagged, nor are entry points such as login or register.
    """
    if route.blueprint is None or any(is_auth_decorator(d) for d in route.decorators):
        return None
    if looks_public(route):
        return None
    siblings = [
        r for r in project.routes_of(route.blueprint) if r is not route and r.kind != "static"
    ]
    guarded = [r for r in siblings if any(is_auth_decorator(d) for d in r.decorators)]
    if not guarded:
        return None
    example = next(d for d in guarded[0].decorators if is_auth_decorator(d))
    return AuthGap(len(guarded), len(siblings), example)


def rule_composition(route: Route) -> list[str]:
    """The pieces Flask joined into the rule: each prefix of the chain, then the route's own part."""
    pieces = [p for p in route.prefix_chain if p and p != "/"]
    joined = "".join(p.rstrip("/") for p in pieces)
    own = route.rule[len(joined) :] if joined and route.rule.startswith(joined) else route.rule
    return [*pieces, own or "/"]
