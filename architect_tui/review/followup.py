"""A follow-up after an apply shows the model the code as it is now, not as it was first sent.

The first turn holds the files as they were; once the user applies a proposed change (or edits
a file), a follow-up that only says "and now?" would let the model diff against code that no
longer exists. :func:`sent_files` remembers the text of every file the request showed;
:func:`applied_code` renders the files that changed since, numbered and redacted with the
request's own redactor (same placeholder numbers), for the next user turn.
"""

from __future__ import annotations

from pathlib import Path

from architect_tui.review.model import ReviewRequest
from architect_tui.review.redact import Redactor, is_secret_file
from architect_tui.review.render import numbered

WHOLE_FILE_LINES = 400  # a changed file this short is sent whole; longer: the spans sent


def sent_files(request: ReviewRequest) -> dict[str, str]:
    """file -> text now, for each project file whose code the request sends."""
    if request.root is None:
        return {}
    texts: dict[str, str] = {}
    for piece in request.pieces:
        if piece.file and piece.included and piece.file not in texts:
            text = _read(request.root, piece.file)
            if text is not None:
                texts[piece.file] = text
    return texts


def applied_code(request: ReviewRequest, sent: dict[str, str]) -> str:
    """An ``<applied_code>`` block with the files that changed since ``sent``, or ""."""
    if request.root is None:
        return ""
    shared = isinstance(request.redactor, Redactor)  # its redactions list is the request's
    redactor = request.redactor if shared else Redactor()
    blocks: list[str] = []
    for file, old in sent.items():
        now = _read(request.root, file)
        if now is None or now == old:
            continue
        lines = now.splitlines()
        start, end = 1, len(lines)
        if len(lines) > WHOLE_FILE_LINES:
            spans = [(p.start, p.end) for p in request.pieces if p.file == file and p.start]
            growth = len(lines) - len(old.splitlines())
            start = max(1, min(s for s, _ in spans)) if spans else 1
            end = min(len(lines), max(e for _, e in spans) + max(growth, 0)) if spans else end
        body = redactor.redact("\n".join(lines[start - 1 : end]), file, start)
        blocks.append(
            f"### {file}:{start}-{end} (now)\n```python\n{numbered(body.split(chr(10)), start)}\n```"
        )
    if not shared or redactor.redactions is not request.redactions:
        request.redactions.extend(r for r in redactor.redactions if r not in request.redactions)
    if not blocks:
        return ""
    return (
        "<applied_code>\nThese files changed since your last answer (a proposed change was "
        "applied): this is the code now, line numbers as they are now. Base any diff on it.\n\n"
        + "\n\n".join(blocks)
        + "\n</applied_code>"
    )


def _read(root: Path, rel: str) -> str | None:
    if is_secret_file(rel):
        return None
    try:
        return (root / rel).read_text("utf-8", errors="replace")
    except OSError:
        return None
