"""Placing one hunk in a file, in order of trust, or refusing to.

1. the old block, exactly, at the expected line (``exact``) or at one other place (``offset``);
2. the same after normalising whitespace (``fuzzy``, score 1.0);
3. an alignment of context and removed lines with a score and a margin over any other place
   (``fuzzy``). Removed lines must always be in the file (whitespace aside): a hunk is never
   applied on the strength of its context alone when it removes something else.

When several places are equally plausible, the stated line decides only when one place is clearly
nearest; otherwise the hunk fails. The same tiers run on the reversed hunk: a hunk whose new side
is already in the file at its place is ``already_applied`` (nothing to write), so a change
applied twice leaves the file as applying it once. A hunk that writes a placeholder, control
bytes or elided code, or whose context holds a placeholder, is refused at every tier. Context
lines keep the file's own text; added lines are re-indented when the whole hunk's indentation was
shifted (or written with spaces for a tab file).
"""

from __future__ import annotations

import difflib
import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from architect_tui.patch.model import Hunk
from architect_tui.secrets.marker import PLACEHOLDER_RE as REDACTION

#: Control characters no source line holds (tab and form feed are fine): NUL and friends in an
#: added line mean a corrupted or hostile answer, and a file that no longer compiles.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# "..." or "# ..." or "// rest of the code unchanged" standing in for real lines
ELIDED_COMMENT = re.compile(
    r"^\s*(#|//|/\*|<!--|\{#|--)\s*(\.\.\.|…|\[\.\.\.\]|\(\.\.\.\)"
    r"|.*\b(unchanged|existing code|rest of|remaining code|same as before|omitted)\b)",
    re.I,
)
_ELIDED_BARE = re.compile(r"^\s*(\.\.\.|…|\[\.\.\.\])\s*$")

_EDGE = "added lines sit next to a blank line the hunk may have left out: placement is ambiguous"
_RIVAL = "the stated line points at a similar block elsewhere: which one is meant is unclear"
RIVAL_WINDOW = 3  # a similar block starting this close to the stated line is a rival
FUZZY_THRESHOLD = 0.75  # minimum alignment score for a fuzzy match
FUZZY_MARGIN = 0.1  # the best place must beat any other place by this much
NEAR = 2  # "clearly nearest": within NEAR lines of the expected line ...
CLEAR = 6  # ... and every other candidate at least CLEAR lines further away


def norm(line: str) -> str:
    """A line with whitespace normalised: runs collapsed, ends stripped."""
    return " ".join(line.split())


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


@dataclass(slots=True)
class Match:
    """Where a hunk goes: replace ``lines[start:end]`` by ``replacement``.

    Each replacement line is (text, index of the file line it keeps, or None for an added line),
    so the caller can keep that line's own ending.
    """

    status: str  # exact | offset | fuzzy | already_applied | failed
    start: int = 0
    end: int = 0
    replacement: list[tuple[str, int | None]] = field(default_factory=list)
    score: float = 0.0
    reason: str | None = None
    tier: int = 0  # 0 exact, 1 whitespace aside, 2 approximate: how much the match was trusted
    missing: bool = False  # failed because the old lines are not in the file (not ambiguity)

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def _failed(reason: str, score: float = 0.0, *, missing: bool = False) -> Match:
    return Match("failed", reason=reason, score=score, missing=missing)


def _find_all(hay: list[str], needle: list[str]) -> list[int]:
    n = len(needle)
    if n == 0 or n > len(hay):
        return []
    first = needle[0]
    return [i for i in range(len(hay) - n + 1) if hay[i] == first and hay[i : i + n] == needle]


def choose(positions: list[int], expected: int | None) -> int | None:
    """The single position, or the clearly nearest to ``expected``; None when ambiguous."""
    if len(positions) == 1:
        return positions[0]
    if expected is None or not positions:
        return None
    ranked = heapq.nsmallest(2, ((abs(p - expected), p) for p in positions))  # O(1) memory
    if ranked[0][0] <= NEAR and ranked[1][0] >= ranked[0][0] + CLEAR:
        return ranked[0][1]
    return None


def _indent_map(pairs: list[tuple[str, str]]) -> Callable[[str], str] | None:
    """A function re-indenting added lines like the file, from (hunk line, file line) pairs.

    Returns None when the pairs disagree (the hunk's indentation cannot be trusted).
    """
    pairs = [(h, f) for h, f in pairs if h.strip() and f.strip()]
    hs = [_indent(h) for h, _ in pairs]
    fs = [_indent(f) for _, f in pairs]
    if all(h == f for h, f in zip(hs, fs, strict=True)):
        return lambda s: s
    # the file indents with tabs, the hunk with w spaces per tab
    if all(set(f) <= {"\t"} for f in fs) and all(set(h) <= {" "} for h in hs):
        widths = {len(h) // len(f) for h, f in zip(hs, fs, strict=True) if f}
        if len(widths) == 1 and all(
            len(h) == len(f) * next(iter(widths)) for h, f in zip(hs, fs, strict=True)
        ):
            w = widths.pop()

            def to_tabs(s: str) -> str:
                ind = _indent(s)
                if set(ind) <= {" "} and len(ind) % w == 0:
                    return "\t" * (len(ind) // w) + s[len(ind) :]
                return s

            return to_tabs
        return None
    # a constant prefix added to (or missing from) every line of the hunk
    if all(f.endswith(h) for h, f in zip(hs, fs, strict=True)):
        extras = {f[: len(f) - len(h)] for h, f in zip(hs, fs, strict=True)}
        if len(extras) == 1:
            extra = extras.pop()
            return lambda s: (extra + s) if s.strip() else s
    if all(h.endswith(f) for h, f in zip(hs, fs, strict=True)):
        cuts = {h[: len(h) - len(f)] for h, f in zip(hs, fs, strict=True)}
        if len(cuts) == 1:
            cut = cuts.pop()

            def strip_cut(s: str) -> str:
                return s[len(cut) :] if s.startswith(cut) else s

            return strip_cut
    return None


class _Shape:
    """A hunk's old lines, their tags, and the added lines that come before each old line."""

    def __init__(self, hunk: Hunk) -> None:
        self.old: list[str] = []
        self.tags: list[str] = []
        self.adds: list[list[str]] = [[]]
        for line in hunk.lines:
            tag, text = line[:1], line[1:]
            if tag == "+":
                self.adds[-1].append(text)
            elif tag in (" ", "-"):
                self.old.append(text)
                self.tags.append(tag)
                self.adds.append([])


def _build(
    shape: _Shape, file_lines: list[str], start: int, opcodes: list[tuple[str, int, int, int, int]]
) -> tuple[list[tuple[str, int | None]] | None, str | None]:
    """The replacement for the aligned window, or (None, reason)."""
    pairs = [
        (shape.old[i1 + k], file_lines[start + j1 + k])
        for tag, i1, i2, j1, _ in opcodes
        if tag == "equal"
        for k in range(i2 - i1)
    ]
    remap = _indent_map(pairs)
    if remap is None:
        return None, "the hunk's indentation does not match the file consistently"
    out: list[tuple[str, int | None]] = []

    def adds(i: int) -> list[tuple[str, int | None]]:
        return [(remap(a), None) for a in shape.adds[i]]

    for tag, i1, i2, j1, j2 in opcodes:
        kept = [(file_lines[start + j], start + j) for j in range(j1, j2)]
        if tag == "equal":
            for k in range(i2 - i1):
                out.extend(adds(i1 + k))
                if shape.tags[i1 + k] == " ":
                    out.append(kept[k])
        elif tag == "insert":  # file lines the hunk does not mention
            if shape.adds[i1] and [t for t, _ in adds(i1) + kept] != [
                t for t, _ in kept + adds(i1)
            ]:
                return (
                    None,
                    "added lines sit next to lines the hunk left out: placement is ambiguous",
                )
            out.extend(kept)
        elif tag == "delete":  # hunk lines the file does not have
            if "-" in shape.tags[i1:i2]:
                return None, "a removed line is not in the file"
            for i in range(i1, i2):
                out.extend(adds(i))
        else:  # replace
            if "-" in shape.tags[i1:i2]:
                return None, "a removed line differs from the file"
            if any(shape.adds[i] for i in range(i1 + 1, i2)):
                return None, "added lines sit between context lines that differ from the file"
            out.extend(adds(i1))
            out.extend(kept)
    out.extend(adds(len(shape.old)))
    return out, None


def _edge_ambiguous(shape: _Shape, file_lines: list[str], start: int, end: int) -> bool:
    """Added lines whose place depends on a blank line the hunk may have left out.

    Models drop blank context lines. When the hunk starts (or ends) with added lines next to a
    context line, or with a run of blank lines that has added lines in or right after it, and the
    file has one more blank line just outside the match, "before or after that blank line" is a
    guess: refuse it. Added lines right after a removed line at the hunk's end replace it and
    are taken as written (a minimal ``-old`` / ``+new`` hunk without trailing context is common).
    """
    n = len(shape.old)

    def blank(i: int) -> bool:
        return 0 <= i < len(file_lines) and not file_lines[i].strip()

    # added lines right after a (non-blank) removed line replace it: that anchors them
    if shape.adds[0] and start > 0 and blank(start - 1):
        return True
    anchored = shape.tags[n - 1] == "-" and shape.old[n - 1].strip() != ""
    if shape.adds[n] and not anchored and blank(end):
        return True
    run = 0
    while run < n and not shape.old[run].strip():
        run += 1
    if run and any(shape.adds[i] for i in range(1, run + 1)) and blank(start - 1):
        return True
    run = 0
    while run < n and not shape.old[n - 1 - run].strip():
        run += 1
    return bool(run and any(shape.adds[i] for i in range(n - run, n)) and blank(end))


def _slide_ambiguous(
    shape: _Shape, nfile: list[str], start: int, ops: list[tuple[str, int, int, int, int]]
) -> bool:
    """In an approximate match, a hunk line could pair with an identical neighbouring line.

    When the file repeats a line (two blank lines, ``x = 1`` twice) and only one copy is paired,
    both pairings fit an approximate match; with added lines around, they give different files.
    """
    if not any(shape.adds):
        return False
    pairs = [
        (i1 + k, start + j1 + k)
        for tag, i1, i2, j1, _ in ops
        if tag == "equal"
        for k in range(i2 - i1)
    ]
    taken = {j for _, j in pairs}
    for _, j in pairs:
        for nb in (j - 1, j + 1):
            if 0 <= nb < len(nfile) and nb not in taken and nfile[nb] == nfile[j]:
                return True
    return False


def _elided(lines: list[str]) -> bool:
    return any(ELIDED_COMMENT.match(ln) or _ELIDED_BARE.match(ln) for ln in lines)


class _View:
    """The file's lines, with the whitespace-normalised copy computed only when a tier needs it
    (most hunks match exactly where they say: normalising the whole file for each hunk would
    make a patch of many hunks quadratic)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._norm: list[str] | None = None

    @property
    def norm(self) -> list[str]:
        if self._norm is None:
            self._norm = [norm(x) for x in self.lines]
        return self._norm


def _positions(hay: list[str], needle: list[str], expected: int | None) -> list[int]:
    """Where ``needle`` occurs, looking first at the stated place.

    When it is there and no other copy starts within ``CLEAR`` lines, :func:`choose` would pick
    it whatever else the file holds, so the rest of the file is not scanned: that keeps a patch
    of thousands of hunks linear.
    """
    n = len(needle)
    if expected is not None and expected >= 0 and n and hay[expected : expected + n] == needle:
        lo, hi = max(0, expected - CLEAR + 1), min(len(hay) - n, expected + CLEAR - 1)
        if not any(i != expected and hay[i : i + n] == needle for i in range(lo, hi + 1)):
            return [expected]
    return _find_all(hay, needle)


def _place(
    shape: _Shape,
    view: _View,
    nold: list[str],
    positions: list[int],
    expected: int | None,
    aside: str,
) -> Match:
    """Place a hunk whose old lines were found at ``positions`` (exactly or whitespace aside):
    one clearly chosen place, no ambiguous edge, no rival block at the stated line."""
    file_lines = view.lines
    n = len(shape.old)
    pos = choose(positions, expected)
    if pos is None:
        return _failed(f"the hunk matches {len(positions)} places equally well{aside}")
    if _edge_ambiguous(shape, file_lines, pos, pos + n):
        return _failed(_EDGE)
    repl, why = _build(shape, file_lines, pos, [("equal", 0, n, 0, n)])
    if repl is None:
        return _failed(why or "cannot build")
    if (
        expected is not None
        and pos != expected
        and _rival_near(shape, file_lines, view.norm, nold, expected, (pos, pos + n), repl)
    ):
        return _failed(_RIVAL)
    return Match("exact", pos, pos + n, repl, 1.0)


def refusal(hunk: Hunk) -> str | None:
    """Why a hunk is never applied, whatever the file holds: cut, a placeholder, elided code."""
    if not hunk.complete:
        return "the answer was cut while this hunk was being written"
    added = [ln[1:] for ln in hunk.lines if ln.startswith("+")]
    if any(REDACTION.search(a) for a in added):
        return "the hunk would write a redaction placeholder («REDACTED:N»)"
    if any(CONTROL.search(a) for a in added):
        return "an added line holds a NUL or control character"
    if any(REDACTION.search(ln) for ln in hunk.lines if ln[:1] in (" ", "-")):
        # the real line was never shown: matching around it, at any score, is a guess
        return "a context or removed line is a redaction placeholder («REDACTED:N»)"
    if any(ELIDED_COMMENT.match(a) for a in added):
        return "the hunk elides code ('...', 'rest unchanged') instead of writing it"
    return None


def reversed_hunk(hunk: Hunk) -> Hunk:
    """The hunk undoing ``hunk``: its old side is the new side, which is what an applied hunk
    left in the file."""
    swap = {"+": "-", "-": "+"}
    return replace(
        hunk,
        lines=[swap.get(ln[:1], ln[:1]) + ln[1:] for ln in hunk.lines],
        no_newline_old=hunk.no_newline_new,
        no_newline_new=hunk.no_newline_old,
    )


def _locate(view: _View, shape: _Shape, expected: int | None, strict: bool) -> Match:
    """The three tiers for one direction of a hunk (no refusal checks, no already-applied test)."""
    file_lines = view.lines
    n = len(shape.old)
    if n == 0:
        if not file_lines:
            return Match("exact", 0, 0, [(a, None) for a in shape.adds[0]], 1.0)
        return _failed("the hunk has no context lines to anchor it")
    if not any(o.strip() for o in shape.old):
        return _failed("the hunk's context is only blank lines: nothing to anchor it")
    nold = [norm(x) for x in shape.old]
    # 1. exact
    positions = _positions(file_lines, shape.old, expected)
    if positions:
        placed = _place(shape, view, nold, positions, expected, "")
        if placed.status == "failed":
            return placed
        exact = expected is None or placed.start == expected
        return replace(placed, status="exact" if exact else "offset")
    if _elided(shape.old):
        return _failed("context was elided ('...', '# rest unchanged'): the real lines are needed")
    # 2. whitespace-normalised
    positions = _positions(view.norm, nold, expected)
    if positions:
        placed = _place(shape, view, nold, positions, expected, " (whitespace aside)")
        if placed.status == "failed":
            return placed
        return replace(
            placed, status="fuzzy", reason="matched after normalising whitespace", tier=1
        )
    if strict:
        return _failed("the SEARCH text is not in the file", missing=True)
    return _fuzzy(shape, file_lines, view.norm, nold, expected)


_DONE = "the change is already in the file: nothing to do"


def _decide(hunk: Hunk, forward: Match, back: Match, expected: int | None) -> Match:
    """Apply, or say the change is already there, from the two directions' matches.

    ``back`` found the new side. It wins when the old side is nowhere, or was matched less
    surely (unless the hunk removes lines and those are surely here). Both approximate: it wins
    at the same place with a better score. Both sure: a hunk that only adds lines is already
    applied when its new side holds the place of its old side (a file that reads like the
    hunk's result there cannot be told apart from one where it was applied); otherwise the
    place nearer the stated line wins, and without one, a hunk whose removed lines are there
    applies. An approximate ``back`` counts only when the hunk adds lines (they must then all
    be in the file): a hunk that only removes lines would otherwise look applied wherever its
    context roughly is.
    """
    if not back.ok or (back.tier == 2 and not hunk.added):
        return forward
    done = Match("already_applied", back.start, back.end, [], back.score, _DONE, back.tier)
    if not forward.ok:
        # only when the old lines are nowhere and the new ones surely here: a hunk that is
        # ambiguous stays refused, and a rough likeness is no proof the change was made
        return done if forward.missing and back.tier < 2 else forward
    sure_removal = bool(hunk.removed) and forward.tier < 2  # its removed lines are here
    if back.tier != forward.tier and not sure_removal:
        return done if back.tier < forward.tier else forward
    if forward.tier == 2:
        inside = back.start <= forward.start and forward.end <= back.end
        return done if inside and back.score >= forward.score else forward
    if back.tier == 2:
        return forward
    if not hunk.removed and back.start <= forward.start and forward.end <= back.end:
        return done
    if expected is not None:
        near_f, near_b = abs(forward.start - expected), abs(back.start - expected)
        if near_f != near_b:
            return done if near_b < near_f else forward
    if hunk.removed:  # no stated line to tell: the old text is there, exactly
        return forward
    return _failed(
        f"the change is already at line {back.start + 1}, and its old lines are also at line "
        f"{forward.start + 1}: which one is meant is unclear",
        forward.score,
    )


def match_hunk(
    file_lines: list[str], hunk: Hunk, expected: int | None, *, strict: bool = False
) -> Match:
    """Find where ``hunk`` applies in ``file_lines`` (0-based ``expected`` start, if known).

    ``strict`` (SEARCH/REPLACE blocks) allows no fuzzy stage: every searched line must be there.
    A hunk whose new side is already in the file at its place is ``already_applied`` (a
    replacement of nothing), whatever the old side's match score: applying a change twice must
    leave the file as applying it once.
    """
    why = refusal(hunk)
    if why:
        return _failed(why)
    view = _View(file_lines)
    shape = _Shape(hunk)
    forward = _locate(view, shape, expected, strict)
    if hunk.old_lines == hunk.new_lines:  # changes nothing (or writes a line as it is)
        return forward
    new = hunk.new_lines
    if forward.ok and forward.status == "exact" and forward.tier == 0 and expected is not None:
        # found where it says: only a hunk that adds lines, whose new side is here around its
        # old side (the lines next to its old ones are the added ones), is already applied
        if not hunk.removed:
            start, n = forward.start, len(new)
            for i in range(max(0, forward.end - n), start + 1):
                if file_lines[i : i + n] == new:
                    return Match("already_applied", i, i + n, [], 1.0, _DONE)
        return forward
    if (
        forward.ok
        and hunk.removed
        and not hunk.added
        and new
        and expected is not None
        and (forward.tier == 2 or forward.start != expected)
        and file_lines[expected : expected + len(new)] == new
    ):
        # a hunk that only removes lines: its context stands exactly where the diff says and the
        # removed lines are not between them, so the removal was made (elsewhere is a lookalike)
        return Match("already_applied", expected, expected + len(new), [], 1.0, _DONE)
    back = _locate(view, _Shape(reversed_hunk(hunk)), expected, strict)
    if not back.ok and forward.ok and not hunk.removed and new:
        # a hunk that only adds lines, whose found old side lies inside an exact copy of its new
        # side: that is the change made, even where the new side alone would be ambiguous
        for pos in _find_all(file_lines, new):
            if pos <= forward.start and forward.end <= pos + len(new):
                return Match("already_applied", pos, pos + len(new), [], 1.0, _DONE)
    if not back.ok and forward.ok and forward.tier == 2 and new:
        # an approximate match of a hunk whose new side (blank lines, say) cannot anchor itself:
        # that new side, exactly where the approximate match lands, is the change already made
        pos = choose(_positions(file_lines, new, expected), expected)
        if pos is not None and forward.start < pos + len(new) and pos < forward.end:
            back = Match("already_applied", pos, pos + len(new), [], 1.0, _DONE)
    return _decide(hunk, forward, back, expected)


Ops = list[tuple[str, int, int, int, int]]


def _candidates(
    shape: _Shape, nfile: list[str], nold: list[str]
) -> dict[tuple[int, int], tuple[float, Ops | None]]:
    """Approximate places for the old block: span -> (score, alignment or None if invalid).

    A place is invalid when one of the hunk's removed lines is not aligned to an equal line.
    """
    n = len(nold)
    index: dict[str, list[int]] = {}
    for j, line in enumerate(nfile):
        if line:
            index.setdefault(line, []).append(j)
    anchors = [i for i, t in enumerate(shape.tags) if t == "-" and nold[i]] or [
        i for i, x in enumerate(nold) if x
    ]
    starts = {j - i for i in anchors for j in index.get(nold[i], [])}
    seen: dict[tuple[int, int], tuple[float, Ops | None]] = {}
    slack = max(3, n // 3)
    for s in sorted(starts):
        lo, hi = max(0, s - slack), min(len(nfile), s + n + slack)
        sm = difflib.SequenceMatcher(None, nold, nfile[lo:hi], autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        if not blocks:
            continue
        span = (lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size)
        if span in seen:
            continue
        sub = difflib.SequenceMatcher(None, nold, nfile[span[0] : span[1]], autojunk=False)
        ops = sub.get_opcodes()
        matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
        score = 2.0 * matched / (n + span[1] - span[0])
        removed_ok = all(
            shape.tags[i] != "-"
            for tag, i1, i2, _, _ in ops
            if tag != "equal"
            for i in range(i1, i2)
        )
        seen[span] = (score, ops if removed_ok else None)
    return seen


def _rival_near(
    shape: _Shape,
    file_lines: list[str],
    nfile: list[str],
    nold: list[str],
    expected: int,
    found: tuple[int, int],
    repl: list[tuple[str, int | None]],
) -> bool:
    """Is there another plausible place, giving another file, right where the hunk says it is?

    An exact match away from the stated line is trusted only if the stated line does not point
    at a similar block (a sibling view, a copy-pasted handler, a dropped line): the model may
    have copied the wrong block's context. Then neither place is sure.
    """
    mine = file_lines[: found[0]] + [t for t, _ in repl] + file_lines[found[1] :]
    for span, (score, ops) in _candidates(shape, nfile, nold).items():
        if ops is None or score < FUZZY_THRESHOLD or span == found:
            continue
        if (
            abs(span[0] - expected) <= RIVAL_WINDOW
            and _result(shape, file_lines, span, ops) != mine
        ):
            return True
    return False


def _result(
    shape: _Shape, file_lines: list[str], span: tuple[int, int], ops: Ops | None
) -> list[str] | None:
    """The whole file as it would be with the hunk at ``span`` (to compare candidate places)."""
    if ops is None:
        return None
    repl, _ = _build(shape, file_lines, span[0], ops)
    if repl is None:
        return None
    return file_lines[: span[0]] + [t for t, _ in repl] + file_lines[span[1] :]


def _fuzzy(
    shape: _Shape, file_lines: list[str], nfile: list[str], nold: list[str], expected: int | None
) -> Match:
    """Stage 3: align the old block to windows of the file and keep a clear winner."""
    seen = _candidates(shape, nfile, nold)
    if not seen:
        if "-" in shape.tags:
            return _failed("the removed lines are not in the file", missing=True)
        return _failed("no line of the hunk's context is in the file", missing=True)
    valid = sorted(((v[0], span) for span, v in seen.items() if v[1] is not None), reverse=True)
    if not valid:
        return _failed("the removed lines are not in the file (beyond whitespace)", missing=True)
    best_score, best = valid[0]
    if best_score < FUZZY_THRESHOLD:
        return _failed(
            f"best match scores {best_score:.2f}, below {FUZZY_THRESHOLD}", best_score, missing=True
        )
    rivals = [sp for sc, sp in valid[1:] if best_score - sc < FUZZY_MARGIN]
    if any(
        _result(shape, file_lines, sp, seen[sp][1])
        != _result(shape, file_lines, best, seen[best][1])
        for sp in rivals
    ):
        return _failed("two places match almost equally well", best_score)
    ops = seen[best][1]
    if ops is None:  # cannot happen: ``valid`` keeps aligned places only
        return _failed("no valid alignment", best_score)
    aligned = [i for tag, i1, i2, _, _ in ops if tag == "equal" for i in range(i1, i2)]
    context = [i for i, t in enumerate(shape.tags) if t == " " and nold[i]]
    if context and not set(context) & set(aligned):
        # only removed (or blank) lines line up: generic lines found anywhere, not this place
        return _failed("none of the hunk's context lines is in the file", best_score, missing=True)
    first, last = aligned[0], aligned[-1]
    if any(shape.adds[:first]) or any(shape.adds[last + 2 :]):
        return _failed("added lines sit beside context lines that are not in the file", best_score)
    if _edge_ambiguous(shape, file_lines, best[0], best[1]) or _slide_ambiguous(
        shape, nfile, best[0], ops
    ):
        return _failed(_EDGE, best_score)
    repl, why = _build(shape, file_lines, best[0], ops)
    if repl is None:
        return _failed(why or "cannot build", best_score)
    return Match("fuzzy", best[0], best[1], repl, best_score, "matched approximately", 2)
