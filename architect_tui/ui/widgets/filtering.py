"""Narrowing the map and the files tree as the user types: ranked, best match first.

What an fzf user expects: a word that is a substring ranks highest (more so at the start of a
segment: ``/orders``, ``.checkout``), then near-substrings with a typo (rapidfuzz's
``partial_ratio``), then letters typed in order within a short stretch (``lgn`` for ``login``).
A letter sprinkled across a long file path is not a match: ``cert`` must not find half the map.
A method word (``GET``, ``post``...) filters on the route's methods instead of being matched as
text, so ``orders post`` lists the POST routes of orders.

rapidfuzz (C, added to the project for this) scores 500 routes x 5 fields in a
few milliseconds; Textual's ``Matcher`` matched any subsequence and did not rank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from architect_tui.analysis.model import Route

HTTP_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})

EXACT = 100.0  # a substring; +10 at the start of a segment
_SEGMENT_START = re.compile(r"[/._\-<:\s]")


@dataclass(frozen=True, slots=True)
class Query:
    """The filter text split into method words and text words (lower case)."""

    methods: frozenset[str]
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Query:
        methods: set[str] = set()
        words: list[str] = []
        for word in text.split():
            if word.upper() in HTTP_METHODS:
                methods.add(word.upper())
            else:
                words.append(word.lower())
        return cls(frozenset(methods), tuple(words))

    def __bool__(self) -> bool:
        return bool(self.methods or self.words)


def _fuzzy_cutoff(word: str) -> float:
    """Short words need to be nearly exact: one wrong letter in four is another word."""
    return 90.0 if len(word) <= 4 else 80.0


def _subsequence_window(word: str, text: str) -> int | None:
    """The length of the shortest stretch of ``text`` holding ``word``'s letters in order."""
    best: int | None = None
    first = word[0]
    start = text.find(first)
    while start != -1:
        position = start
        for letter in word[1:]:
            position = text.find(letter, position + 1)
            if position == -1:
                return best
        window = position - start + 1
        if best is None or window < best:
            best = window
        start = text.find(first, start + 1)
    return best


def word_score(word: str, text: str, *, subsequence: bool = True) -> float:
    """How well one (lower-case) word matches ``text``: 0 for no match, up to 110."""
    if not word or not text:
        return 0.0
    text = text.lower()
    at = text.find(word)
    if at != -1:
        starts_segment = at == 0 or _SEGMENT_START.match(text[at - 1]) is not None
        return EXACT + (10.0 if starts_segment else 0.0)
    if len(word) >= 3:
        score = fuzz.partial_ratio(word, text)
        if score >= _fuzzy_cutoff(word):
            return float(score) - 10.0  # below any exact substring
    if subsequence and len(word) >= 2:
        window = _subsequence_window(word, text)
        if window is not None and window <= 2 * len(word) + 2:
            return 60.0 + 10.0 * len(word) / window  # 65..70: compact runs first
    return 0.0


def fields_score(words: Sequence[str], fields: Sequence[tuple[str, float]]) -> float | None:
    """The mean over ``words`` of each word's best score in ``fields`` ((text, weight) pairs);
    None when some word matches nothing."""
    if not words:
        return EXACT
    total = 0.0
    for word in words:
        best = 0.0
        for text, weight in fields:
            score = word_score(word, text, subsequence=weight >= 1.0)
            if score:
                best = max(best, score * weight)
        if best == 0.0:
            return None
        total += best
    return total / len(words)


def route_score(route: Route, query: Query) -> float | None:
    """The route's rank for ``query``; None when it does not match. The endpoint and the rule
    count most; the file path least (and letters scattered along it never match)."""
    if query.methods and not query.methods & set(route.methods or ("GET",)):
        return None
    return fields_score(
        query.words,
        (
            (route.endpoint, 1.0),
            (route.rule, 1.0),
            (route.blueprint or "", 0.95),
            (route.span.file, 0.9),
        ),
    )


def rank_routes(routes: Iterable[Route], text: str) -> list[Route]:
    """The routes matching ``text``, best first (ties keep the map's order)."""
    query = Query.parse(text)
    scored = []
    for order, route in enumerate(routes):
        score = route_score(route, query) if query else EXACT
        if score is not None:
            scored.append((-score, order, route))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [route for _, _, route in scored]


def route_matches(route: Route, text: str) -> bool:
    """True when ``route`` matches the filter ``text``."""
    query = Query.parse(text)
    return not query or route_score(route, query) is not None


def fuzzy_match(text: str, *candidates: str) -> bool:
    """True when every word of ``text`` matches one of ``candidates`` (the files tree)."""
    words = [w.lower() for w in text.split()]
    fields = [(c, 1.0) for c in candidates if c]
    return not words or fields_score(words, fields) is not None
