"""Every corpus case through ``architect apply --json`` (in process), exact bytes, then undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from patch_corpus import Case, load_cases, tree

from architect_tui.cli import main

CASES = load_cases()


def test_corpus_is_big_enough() -> None:
    """The issue asks for at least 40 realistic cases, with refusals among them."""
    assert len(CASES) >= 40
    assert sum(not c.expects_change for c in CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_case(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The apply command leaves exactly the expected bytes, then undo restores ``before/``."""
    root = case.materialise(tmp_path)
    answer = tmp_path / "answer.md"
    answer.write_text(case.answer(root), encoding="utf-8", newline="")
    argv = ["apply", str(answer), "--project", str(root), "--json"]
    argv += ["--partial"] if case.meta["partial"] else []
    argv += ["--incomplete"] if case.meta["incomplete"] else []
    code = main(argv)
    report = json.loads(capsys.readouterr().out)
    assert tree(root) == case.expected(), case.meta["description"]
    assert code == case.meta["exit"], report
    if "statuses" in case.meta:
        got = [h["status"] for f in report["files"] for h in f["hunks"]]
        assert got == case.meta["statuses"], report
    if report["applied"]:
        assert report["checkpoint"]
        assert main(["undo", "--project", str(root), "--json"]) == 0
        assert tree(root) == case.before()
    else:
        assert report["checkpoint"] is None
        assert main(["undo", "--project", str(root)]) == 1
    capsys.readouterr()
