"""Fuzzy narrowing of the map and the files tree, shared by the filter input and its tests."""

from __future__ import annotations

from functools import lru_cache

from textual.fuzzy import Matcher

from architect_tui.analysis.model import Route


@lru_cache(maxsize=32)
def _matcher(query: str) -> Matcher:
    return Matcher(query)


def fuzzy_match(query: str, *candidates: str) -> bool:
    """True when every word of ``query`` fuzzily matches one of ``candidates``.

    Words are matched separately so ``auth post`` finds POST routes of the auth blueprint.
    """
    words = query.split()
    if not words:
        return True
    haystack = [c for c in candidates if c]
    return all(any(_matcher(w).match(c) > 0 for c in haystack) for w in words)


def route_matches(route: Route, query: str) -> bool:
    """Rule, endpoint, blueprint, file and methods are all searched."""
    return fuzzy_match(
        query,
        route.rule,
        route.endpoint,
        route.blueprint or "",
        route.span.file,
        " ".join(route.methods),
    )
