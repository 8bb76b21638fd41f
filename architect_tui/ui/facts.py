"""Small derived facts the UI shows about the map: sizes, token estimates, rule composition and
missing auth decorators. Pure functions over the core's values, so they are tested without a UI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from architect_tui.analysis.model import ProjectMap, Route
from architect_tui.analysis.selection import Selection
from architect_tui.analysis.sources import SourceError, read_source
from architect_tui.review.tokens import CHARS_PER_TOKEN  # one ratio for status line and context
from architect_tui.rules.auth import AuthGap, is_auth_decorator, route_auth_gap

__all__ = ["AuthGap", "auth_gap", "is_auth_decorator"]  # the details pane imports them here


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


def auth_gap(
    project: ProjectMap, route: Route, text_of: Callable[[str], str | None] | None = None
) -> AuthGap | None:
    """The core's verdict (``rules.auth``, the one rule FLK112 reports): no auth decorator on a
    route whose siblings addressing the same resource all carry one. Hook and view bodies are
    read from the project's files unless ``text_of`` is given."""
    return route_auth_gap(project, route, text_of or _reader(project))


def _reader(project: ProjectMap) -> Callable[[str], str | None]:
    def text_of(rel: str) -> str | None:
        try:
            return read_source(project.root / rel)
        except SourceError:
            return None

    return text_of


def rule_composition(route: Route) -> list[str]:
    """The pieces Flask joined into the rule: each prefix of the chain, then the route's own part."""
    pieces = [p for p in route.prefix_chain if p and p != "/"]
    joined = "".join(p.rstrip("/") for p in pieces)
    own = route.rule[len(joined) :] if joined and route.rule.startswith(joined) else route.rule
    return [*pieces, own or "/"]
