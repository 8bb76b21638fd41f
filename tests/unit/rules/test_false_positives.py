"""The rules stay quiet on clean Flask code: Flask's own example apps (reproduced under
tests/fixtures/clean_apps) and the analysis fixture apps."""

from __future__ import annotations

from pathlib import Path

import pytest

from architect_tui.rules.engine import check_project

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _findings(root: Path) -> list[str]:
    result = check_project(root, use_map=False)
    return [f"{v.file}:{v.line} {v.rule} {v.message}" for v in result.violations]


def test_flaskr_tutorial_is_clean() -> None:
    """The Flask tutorial app (factory, bound sqlite3 parameters, login_required on the write
    views, a public index, tutorial-style request.form access) raises nothing."""
    assert _findings(FIXTURES / "clean_apps" / "flaskr") == []


def test_js_example_only_reports_its_app_views_cycle() -> None:
    """Flask's JavaScript example builds the app at import time and imports its views at the
    bottom: the one finding is that documented app <-> views cycle, reported once."""
    found = _findings(FIXTURES / "clean_apps" / "js_example")
    assert [f.split()[1] for f in found] == ["FLK501"], found
    assert found[0].startswith("js_example/__init__.py:5 ")


@pytest.mark.skipif(
    not (FIXTURES / "flask_apps").is_dir(), reason="analysis fixture apps not present"
)
def test_analysis_fixture_apps_are_nearly_clean() -> None:
    """Across the static reader's fixture apps, at most a couple of findings, all real
    (a one-letter SECRET_KEY literal); an unparsable Python 2 file is reported, not raised."""
    found = _findings(FIXTURES / "flask_apps")
    assert len(found) <= 2, found
    assert all(" FLK102 " in f for f in found), found


REALWORLD = FIXTURES.parent / "realworld"


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="real-world reproductions not present")
def test_realworld_reproductions_run_cleanly_and_quietly() -> None:
    """Over the reproductions of real Flask projects (flasky, microblog, redash, CTFd, ...) no
    rule crashes and findings stay few; the only high ones are ihatemoney's literal SECRET_KEY,
    its debug runner and lemur's catch-all handler (flaskbb's "secret key" is a placeholder:
    medium). The ``os.environ.get("SECRET_KEY") or "..."`` fallbacks (flasky, microblog, CTFd,
    cookiecutter) are medium: the literal is used only when the variable is missing."""
    from architect_tui.rules.report import severity_of

    total = 0
    high = []
    for project in sorted(p for p in REALWORLD.iterdir() if p.is_dir() and p.name[0] != "_"):
        result = check_project(project, use_map=False)
        assert not [e for e in result.errors if "failed here" in e.message], project.name
        assert len(result.violations) <= 8, (project.name, result.violations)
        total += len(result.violations)
        high += [
            f"{project.name}/{v.file} {v.rule}"
            for v in result.violations
            if severity_of(v) in {"critical", "high"}
        ]
    assert total <= 20
    assert sorted(high) == [
        "ihatemoney/ihatemoney/default_settings.py FLK102",
        "ihatemoney/ihatemoney/run.py FLK101",
        "lemur/lemur/__init__.py FLK306",
    ]
