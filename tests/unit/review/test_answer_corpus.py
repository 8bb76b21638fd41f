"""Real-model answer styles: findings come back with severity and file:line, and every diff has
the outcome it should (offered and applied, refused, failed, or not offered when cut).

The figure for the whole corpus is printed by ``bench/bench_answers.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from answer_corpus import ANSWERS as STYLES
from answer_corpus import EXAMPLE, HELD_OUT, Answer, read_answer

from architect_tui.patch import apply
from architect_tui.review.changes import plan_proposed
from architect_tui.review.model import Review

ANSWERS = STYLES + HELD_OUT


def test_the_corpus_is_large_enough() -> None:
    """At least 40 answers and 80 findings, with names that say which style each shows."""
    assert len(ANSWERS) >= 40
    assert sum(len(a.findings) for a in ANSWERS) >= 80
    assert len({a.name for a in ANSWERS}) == len(ANSWERS)


def test_at_least_95_percent_of_findings_read_whole() -> None:
    """Severity, file and line, in order, for 95% of the corpus's findings; nothing invented."""
    outcomes = [read_answer(a) for a in ANSWERS]
    total = sum(len(o.answer.findings) for o in outcomes)
    read = sum(o.read for o in outcomes)
    misses = [
        f"{o.answer.name}: got {o.findings}, want {o.answer.findings}"
        for o in outcomes
        if o.read < len(o.answer.findings) or o.extra
    ]
    assert read / total >= 0.95, "\n".join(misses)
    assert sum(o.extra for o in outcomes) == 0, "\n".join(misses)


@pytest.mark.parametrize("answer", ANSWERS, ids=[a.name for a in ANSWERS])
def test_each_diff_has_its_expected_outcome(answer: Answer) -> None:
    """The changes view is offered exactly the hunks apply would apply, per hunk."""
    assert read_answer(answer).diffs == answer.diffs


@pytest.mark.parametrize(
    "answer", [a for a in ANSWERS if a.diffs], ids=[a.name for a in ANSWERS if a.diffs]
)
def test_no_wrong_write(answer: Answer, tmp_path: Path) -> None:
    """Applying what is offered writes each hunk's new text in place of its old text, once,
    and nothing else (the oracle is a plain string replacement on the original file)."""
    root = tmp_path / "shop"
    shutil.copytree(EXAMPLE, root)
    review = Review(
        "corpus", "test", "full", answer.text, incomplete=answer.stop_reason != "end_turn"
    )
    the_plan = plan_proposed(review, root)
    accepted = the_plan.applicable()
    report = apply(the_plan, root, accepted=accepted, partial=True, message="corpus")
    for fplan in the_plan.files:
        done = [h for h in fplan.hunks if (fplan.path, h.index) in accepted]
        if not done:
            assert (
                fplan.status == "refused"
                or not (root / fplan.path).exists()
                or ((root / fplan.path).read_bytes() == (EXAMPLE / fplan.path).read_bytes())
            )
            continue
        if fplan.kind == "new":
            want = "".join(ln[1:] + "\n" for h in done for ln in h.hunk.lines)
            assert (root / fplan.path).read_text() == want
            continue
        text = (EXAMPLE / fplan.path).read_text()
        for h in done:
            old = "".join(line + "\n" for line in h.hunk.old_lines)
            new = "".join(line + "\n" for line in h.hunk.new_lines)
            assert text.count(old) == 1, f"the oracle needs a unique old block: {old!r}"
            text = text.replace(old, new, 1)
        assert (root / fplan.path).read_text() == text
    assert report.applied == bool(accepted)
