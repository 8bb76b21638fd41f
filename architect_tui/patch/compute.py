"""Running a file's hunks over its current text: the new content and one result per hunk.

Used twice: by ``plan`` with every hunk (the preview) and by ``apply`` with the hunks the user
accepted, so what is written is computed from the file as it is at that moment.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from architect_tui.patch.match import Match, match_hunk
from architect_tui.patch.model import FilePatch, HunkResult
from architect_tui.vcs.textfile import TextFile


@dataclass(slots=True)
class FileResult:
    hunks: list[HunkResult] = field(default_factory=list)
    text_file: TextFile | None = None  # the new content (None: nothing could be computed)


def _hunk_diff(old: list[str], new: list[str], line: int, new_line: int) -> str:
    head = f"@@ -{line},{len(old)} +{new_line},{len(new)} @@"
    body = [" " + x for x in old] if old == new else []
    if not body:
        sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                body.extend(" " + x for x in old[i1:i2])
            else:
                body.extend("-" + x for x in old[i1:i2])
                body.extend("+" + x for x in new[j1:j2])
    return "\n".join([head, *body]) + "\n"


def run_hunks(fp: FilePatch, tf: TextFile, only: set[int] | None = None) -> FileResult:
    """Apply ``fp``'s hunks (1-based indices in ``only``, or all) to ``tf``, in order.

    Each hunk is matched against the text as the earlier hunks left it. The expected line is the
    stated one, moved by what earlier hunks added or removed and by the offset the previous hunk
    was found at (a model that is off by N lines is usually off by N throughout).
    """
    lines = list(tf.lines)
    ends: list[str | None] = list(tf.endings)
    growth = 0  # lines added minus removed by the hunks applied so far
    drift = 0  # the same for hunks found already applied (their change is in the file already)
    last_offset = 0
    final_newline = tf.final_newline
    results: list[HunkResult] = []
    for index, hunk in enumerate(fp.hunks, start=1):
        if only is not None and index not in only:
            continue
        expected = None
        stated = 0
        if hunk.old_start is not None:
            stated = max(hunk.old_start - 1, 0) if hunk.old_count != 0 else hunk.old_start
            expected = stated + growth + drift + last_offset
        m: Match = match_hunk(lines, hunk, expected, strict=hunk.source == "search_replace")
        if not m.ok:
            results.append(HunkResult(index, "failed", score=m.score, reason=m.reason, hunk=hunk))
            continue
        orig_line = m.start - growth + 1  # 1-based line in the file before this apply
        offset = orig_line - hunk.old_start if hunk.old_start is not None else 0
        if hunk.old_start is not None:
            last_offset = m.start - stated - growth - drift
        if m.status == "already_applied":
            drift += len(hunk.new_lines) - len(hunk.old_lines)
            results.append(
                HunkResult(
                    index, "already_applied", line=orig_line, offset=offset, score=m.score,
                    reason=m.reason, hunk=hunk,
                )
            )  # fmt: skip
            continue
        new_text = [t for t, _ in m.replacement]
        new_ends = [ends[src] if src is not None else None for _, src in m.replacement]
        old_text = lines[m.start : m.end]
        status = m.status
        if status == "exact" and offset:
            status = "offset"
        results.append(
            HunkResult(
                index,
                status,  # type: ignore[arg-type]
                line=orig_line,
                offset=offset,
                score=m.score,
                reason=m.reason,
                diff=_hunk_diff(old_text, new_text, orig_line, m.start + 1),
                hunk=hunk,
            )
        )
        touches_end = m.end >= len(lines)
        lines[m.start : m.end] = new_text
        ends[m.start : m.end] = new_ends
        growth += len(new_text) - (m.end - m.start)
        if touches_end and hunk.no_newline_new:
            final_newline = False
        elif touches_end and hunk.no_newline_old and not hunk.no_newline_new:
            final_newline = True
    shaped = TextFile([], [], tf.encoding, tf.bom, tf.newline, final_newline)
    new_tf = shaped.with_lines(lines, [e or "" for e in ends])
    return FileResult(results, new_tf)
