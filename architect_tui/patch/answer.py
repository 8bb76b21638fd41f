"""One extraction of proposed changes for every front door: ``architect apply`` and the TUI's
changes view call :func:`extract_answer` with the whole answer, so both offer the same changes.

The changes view used to extract from the review's ``changes`` (its ```diff blocks only) while
``apply`` read the whole markdown: diffs in ```python fences, unfenced diffs and SEARCH/REPLACE
blocks were applied headless but never offered in the TUI. Give this function the answer as the
model wrote it (or an ``architect review --format json`` document); it finds every change.

Public calls::

    answer = read_answer(text)                               # -> Answer (text, incomplete, files)
    patch = extract_answer(text, root, incomplete=False)     # -> Patch
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from architect_tui.patch.extract import extract_changes
from architect_tui.patch.model import Patch


@dataclass(frozen=True, slots=True)
class Answer:
    """The markdown to extract from, whether it was cut, and the reviewed files if known."""

    text: str
    incomplete: bool = False
    context_files: tuple[str, ...] | None = None  # selection + related context (JSON documents)


def read_answer(text: str) -> Answer:
    """The answer inside ``text``: an ``architect review --format json`` document gives its
    ``markdown`` (else its ``changes``), ``incomplete`` and ``context_files``; anything else is
    the answer itself (markdown or a bare diff)."""
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        return Answer(text)
    try:
        doc = json.loads(stripped)
    except ValueError:
        return Answer(text)
    if not isinstance(doc, dict):
        return Answer(text)
    body = doc.get("markdown") or doc.get("changes")
    if not isinstance(body, str):
        return Answer(text)
    files = doc.get("context_files")
    context = (
        tuple(files) if isinstance(files, list) and all(isinstance(f, str) for f in files) else None
    )
    return Answer(body, bool(doc.get("incomplete")), context)


def extract_answer(text: str, root: Path, *, incomplete: bool = False) -> Patch:
    """Every proposed change in an answer, paths checked against ``root``.

    Reads fenced and unfenced unified diffs, SEARCH/REPLACE blocks, an answer wrapped whole in
    a ```markdown fence, and hunks that kept the ``NNN| `` numbering the model was shown (when
    it is the file's). ``incomplete`` (the stream was cut, e.g. at max_tokens): every diff that
    was finished is kept; the hunk being written when the text ends is never applied.
    """
    answer = read_answer(text)
    return extract_changes(answer.text, root, incomplete=incomplete or answer.incomplete)
