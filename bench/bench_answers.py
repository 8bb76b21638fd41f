"""Read the corpus of real-model answer styles and print how much comes back.

    .venv/bin/python bench/bench_answers.py

For ``tests/unit/review/answer_corpus.py`` (answers written against ``examples/shop``):

- findings read with their severity and file:line, in order, out of those expected; and how
  many were read with a file but no line, dropped, or invented;
- hunks: the changes view's offer (``review.changes.plan_proposed``, the extraction
  ``architect apply`` shares) against each hunk's expected outcome;
- the time to parse one answer.

The per-answer misses are listed so a regression names its style.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "unit" / "review"))
sys.path.insert(0, str(HERE.parent))

from answer_corpus import ANSWERS, HELD_OUT, read_answer  # noqa: E402

from architect_tui.review.parse import parse_answer  # noqa: E402


def main() -> None:
    outcomes = [read_answer(a) for a in ANSWERS]
    expected = sum(len(a.findings) for a in ANSWERS)
    read = sum(o.read for o in outcomes)
    no_line = sum(
        1
        for o in outcomes
        for got, want in zip(o.findings, o.answer.findings, strict=False)
        if got != want and got[1] == want[1] and got[2] is None
    )
    dropped = sum(max(0, len(o.answer.findings) - len(o.findings)) for o in outcomes)
    extra = sum(o.extra for o in outcomes)
    hunks = sum(len(a.diffs) for a in ANSWERS)
    right = sum(
        1
        for o in outcomes
        for got, want in zip(o.diffs, o.answer.diffs, strict=False)
        if got == want
    )
    applies = sum(1 for a in ANSWERS for _, outcome in a.diffs if outcome == "applies")
    offered = sum(1 for o in outcomes for _, outcome in o.diffs if outcome == "applies")
    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for answer in ANSWERS:
            parse_answer(answer.text)
    per_answer = (time.perf_counter() - started) / (rounds * len(ANSWERS)) * 1000

    print(f"answers: {len(ANSWERS)}")
    print(
        f"findings read with severity and file:line: {read}/{expected} "
        f"({100 * read / expected:.1f}%); file without line {no_line}, dropped {dropped}, "
        f"invented {extra}"
    )
    print(f"hunks with the expected outcome: {right}/{hunks}")
    print(f"hunks apply applies that the changes view offers: {offered}/{applies}")
    print(f"parse time per answer: {per_answer:.2f} ms")
    for o in outcomes:
        if o.read < len(o.answer.findings) or o.extra or o.diffs != o.answer.diffs:
            print(f"  miss: {o.answer.name}: findings {o.findings} diffs {o.diffs}")
    held = [read_answer(a) for a in HELD_OUT]
    held_total = sum(len(a.findings) for a in HELD_OUT)
    held_read = sum(o.read for o in held)
    print(
        f"later answers (written after the reader; 5/14 read before its fixes): {len(HELD_OUT)}; "
        f"findings read whole {held_read}/{held_total} ({100 * held_read / held_total:.1f}%), "
        f"invented {sum(o.extra for o in held)}"
    )
    for o in held:
        if o.read < len(o.answer.findings) or o.extra:
            print(f"  miss: {o.answer.name}: findings {o.findings}")


if __name__ == "__main__":
    main()
