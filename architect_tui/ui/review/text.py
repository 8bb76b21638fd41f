"""What the review panel writes on screen, tidied: the answer's markdown with the Location line
kept on its own line, and failure cards that say each thing once, in this app's words.

Pure functions (and one small streaming helper), so they are tested without a screen. The text
the model sent is never changed: only what the widgets show.
"""

from __future__ import annotations

import re

from architect_tui.review.model import Failed

# "Location: `shop/views.py:29`" (also bold or as a list item): the explanation that follows on
# the next line would join it in one paragraph (a markdown soft break).
_LOCATION = re.compile(r"^\s*(?:[-*]\s+)?(?:\*\*|__)?location(?:\*\*|__)?\s*:", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")
# a clause that tells a shell user which flag to pass: meaningless inside the TUI
_CLI_FLAG = re.compile(r"(?:^|[\s`(])--[a-z][a-z-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`])")


class ParagraphBreaks:
    """Feeds streamed markdown through, ending the paragraph after each Location line.

    Only the newline that ends such a line changes (it becomes a blank line), so every other
    character is written as it arrives and the stream stays live.
    """

    def __init__(self) -> None:
        self._line = ""
        self._in_code = False

    def feed(self, fragment: str) -> str:
        out: list[str] = []
        for piece in re.split(r"(\n)", fragment):
            if piece != "\n":
                out.append(piece)
                self._line += piece
                continue
            if _FENCE.match(self._line):
                self._in_code = not self._in_code
            breaks = not self._in_code and _LOCATION.match(self._line) is not None
            out.append("\n\n" if breaks else "\n")
            self._line = ""
        return "".join(out)


def display_markdown(text: str) -> str:
    """``text`` as the panel shows it (see ``ParagraphBreaks``)."""
    return ParagraphBreaks().feed(text)


def tidy(text: str) -> str:
    """Punctuation from joined messages: ``(429: limit.).`` reads ``(429: limit).``"""
    text = re.sub(r"\.\)", ")", text)
    text = re.sub(r"\.{2,}$", ".", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _clauses(text: str) -> list[list[str]]:
    """Sentences, each as its "; "-separated clauses."""
    return [s.split("; ") for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def _join(sentences: list[list[str]]) -> str:
    out = []
    for clauses in sentences:
        sentence = "; ".join(c.strip() for c in clauses if c.strip())
        if sentence:
            out.append(sentence if sentence[-1] in ".!?" else sentence + ".")
    return " ".join(out)


def _keep(clauses: list[str], kept: list[str]) -> list[str]:
    """``kept`` (a subset of ``clauses``), capitalised when the sentence's start was dropped."""
    if kept and kept[0] is not clauses[0]:
        kept = [kept[0][:1].upper() + kept[0][1:], *kept[1:]]
    return kept


def without_cli_flags(text: str) -> str:
    """Drop the clauses that name a command-line flag (``--offline reviews without a key``)."""
    sentences = _clauses(text)
    kept = [_keep(c, [x for x in c if not _CLI_FLAG.search(x)]) for c in sentences]
    return _join([c for c in kept if c])


def failure_card(failure: Failed, hint: str) -> tuple[str, str]:
    """The card's (message, hint): no CLI flags, no clause said twice, tidy punctuation.

    A hint clause whose words all appear in one clause of the message already said is dropped
    ("The text so far is kept and marked incomplete" after the core said the same).
    """
    message = without_cli_flags(failure.message) if failure.message else ""
    if "press r" in hint.lower():  # the hint names the key: "Retry to get..." says it twice
        message = _join(
            [c for c in _clauses(message) if not re.match(r"(retry|try again)\b", c[0], re.I)]
        )
    message = tidy(message)
    said = [_words(c) for clauses in _clauses(message) for c in clauses]
    kept: list[list[str]] = []
    for clauses in _clauses(tidy(without_cli_flags(hint)) if hint else ""):
        fresh = []
        for clause in clauses:
            words = _words(clause)
            if words and any(words <= earlier for earlier in said):
                continue
            fresh.append(clause)
            said.append(words)
        if fresh:
            kept.append(_keep(clauses, fresh))
    return message, _join(kept)


def wait_reason(reason: str) -> str:
    """A retry wait's reason for the header line (no trailing period, tidy parentheses)."""
    return tidy(reason).rstrip(".")
