"""``architect check --changed-since BASE``: a CI gate on new findings only, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.changes.conftest import commit, git, make_repo, user_state

APP = "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get('/')\ndef index():\n    return 'hi'\n"
OLD_LOW = "\n\n@app.get('/log')\ndef log():\n    print('visited')\n    return 'ok'\n"
NEW_HIGH = "\n\nif __name__ == '__main__':\n    app.run(debug=True)\n"
HARMLESS = "\n\n@app.get('/about')\ndef about():\n    return 'about'\n"


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from architect_tui.cli import main

    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An app whose committed code already has a low finding (the baseline)."""
    return make_repo(tmp_path / "proj", {"app.py": APP + OLD_LOW})


def test_only_findings_on_changed_lines_in_every_format(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The old FLK303 is left out, the new FLK101 is reported: text, json and sarif agree."""
    (repo / "app.py").write_text(APP + OLD_LOW + NEW_HIGH)
    code, everything, _ = check(capsys, str(repo), "--fail-on", "low")
    assert code == 1 and "FLK303" in everything and "FLK101" in everything
    state = user_state(repo)

    code, text, _ = check(capsys, str(repo), "--changed-since", "HEAD", "--fail-on", "low")
    assert code == 1
    assert "FLK101" in text and "FLK303" not in text
    code, out, _ = check(capsys, str(repo), "--changed-since", "HEAD", "--format", "json")
    findings = json.loads(out)["findings"]
    assert [(f["rule"], f["file"]) for f in findings] == [("FLK101", "app.py")]
    code, out, _ = check(capsys, str(repo), "--changed-since", "HEAD", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["FLK101"]
    assert user_state(repo) == state


def test_a_harmless_change_passes_the_gate(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Old findings do not fail a change that adds none (exit 0 even with --fail-on low)."""
    (repo / "app.py").write_text(APP + OLD_LOW + HARMLESS)
    code, text, _ = check(capsys, str(repo), "--changed-since", "HEAD", "--fail-on", "low")
    assert code == 0, text
    assert "FLK303" not in text


def test_branch_against_its_merge_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CI checkout of a feature branch: main...HEAD gates the branch's own findings."""
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "app.py").write_text(APP + OLD_LOW + NEW_HIGH)
    commit(repo, "run with debug")
    code, out, _ = check(capsys, str(repo), "--changed-since", "main...HEAD", "--format", "json")
    assert code == 1
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["FLK101"]
    code, out, _ = check(capsys, str(repo), "--changed-since", "HEAD", "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []


def test_bad_base_exits_2(repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = check(capsys, str(repo), "--changed-since", "nope")
    assert code == 2 and "not a commit" in err
    plain = tmp_path / "plain"
    plain.mkdir()
    code, _, err = check(capsys, str(plain), "--changed-since", "HEAD")
    assert code == 2 and "not inside a git repository" in err
