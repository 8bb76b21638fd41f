"""The engine: silencing, settings, parse errors, fix safety, the optional project map."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

from architect_tui.analysis.model import ProjectMap, Route, SourceSpan
from architect_tui.config import load_settings
from architect_tui.rules.base import Rule
from architect_tui.rules.debug_mode import DebugMode
from architect_tui.rules.engine import check_project, check_sources, discover
from architect_tui.rules.state_change_on_get import StateChangeOnGet

DEBUG_RUN = "from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)"


def _rules(sources: dict[str, str], **kwargs: object) -> list[str]:
    return [v.rule for v in check_sources(sources, **kwargs).violations]  # type: ignore[arg-type]


def test_ignore_comment_on_the_line_or_the_line_before() -> None:
    """``# architect: ignore[RULE]`` silences that rule on its line or the next one only."""
    assert _rules({"app.py": DEBUG_RUN + "  # architect: ignore[FLK101]\n"}) == []
    before = DEBUG_RUN.replace("app.run", "# architect: ignore[FLK101]\napp.run") + "\n"
    assert _rules({"app.py": before}) == []
    assert _rules({"app.py": DEBUG_RUN + "  # architect: ignore\n"}) == []
    assert _rules({"app.py": DEBUG_RUN + "  # architect: ignore[FLK102, FLK101]\n"}) == []
    assert _rules({"app.py": DEBUG_RUN + "  # architect: ignore[FLK102]\n"}) == ["FLK101"]
    far = DEBUG_RUN.replace("app.run", "# architect: ignore[FLK101]\n\napp.run") + "\n"
    assert _rules({"app.py": far}) == ["FLK101"]


def test_project_config_silences_rules_and_categories(tmp_path: Path) -> None:
    """ignore_rules from pyproject's [tool.architect] (ids or category names) silences rules."""
    (tmp_path / "app.py").write_text(DEBUG_RUN + '\nSECRET_KEY = "hunter2-hunter2"\n')
    assert {v.rule for v in check_project(tmp_path, use_map=False).violations} == {
        "FLK101",
        "FLK102",
    }
    (tmp_path / "pyproject.toml").write_text('[tool.architect]\nignore_rules = ["FLK101"]\n')
    settings = load_settings(tmp_path, user_file=tmp_path / "none.toml")
    rules = {v.rule for v in check_project(tmp_path, ignore=settings.ignore_rules).violations}
    assert rules == {"FLK102"}
    rules = {v.rule for v in check_project(tmp_path, ignore=["security"]).violations}
    assert rules == set()


def test_unparsable_file_is_reported_and_others_still_checked() -> None:
    """A syntax error becomes a ParseError with its line; the other files are checked."""
    result = check_sources({"bad.py": "def f(:\n", "app.py": DEBUG_RUN + "\n"})
    assert [(e.file, e.line) for e in result.errors] == [("bad.py", 1)]
    assert [v.rule for v in result.violations] == ["FLK101"]


class _BrokenFix(Rule):
    id = "FLK999"
    title = "test rule whose fix builds invalid code"
    severity = "low"
    category = "errors"
    rationale = "exists only to prove that a broken fix is dropped, never written"

    def visit_Pass(self, node: cst.Pass) -> None:
        self.report(node, fix=lambda _n: cst.Expr(cst.Name("not valid")))


def test_fix_that_does_not_parse_is_dropped_but_the_finding_stays() -> None:
    """A fix that raises or yields unparsable code is dropped; the other fixes still apply."""
    source = "def f():\n    pass\n" + DEBUG_RUN + "\n"
    result = check_sources({"app.py": source}, rules=[_BrokenFix, DebugMode])
    by_rule = {v.rule: v for v in result.violations}
    assert by_rule["FLK999"].fixed is False
    assert by_rule["FLK101"].fixed is True
    fixed = result.fixed["app.py"]
    assert "    pass\n" in fixed and 'os.environ.get("FLASK_DEBUG")' in fixed
    cst.parse_module(fixed)


def test_diff_is_git_style_with_hunk_headers() -> None:
    """The fix diff has a/ b/ headers relative to the root, @@ hunks, exact context lines."""
    result = check_sources({"pkg/app.py": DEBUG_RUN + "\n"})
    diff = result.diff()
    lines = diff.splitlines()
    assert lines[0] == "--- a/pkg/app.py" and lines[1] == "+++ b/pkg/app.py"
    assert lines[2].startswith("@@ -1,3 +1,5 @@")
    assert "-app.run(debug=True)" in lines
    assert diff.endswith("\n")


def test_missing_newline_at_end_is_marked() -> None:
    """A file without a final newline yields the standard no-newline marker, not a broken line."""
    diff = check_sources({"app.py": DEBUG_RUN}).diff()
    assert "\\ No newline at end of file" in diff


def test_map_supplies_views_the_rules_cannot_see(tmp_path: Path) -> None:
    """A view registered with add_url_rule is only known through the project map: with it,
    a GET view that commits is reported; without it, it is a plain function."""
    source = (
        "from flask import Flask\napp = Flask(__name__)\n"
        "def reset(uid):\n    db.session.commit()\n"
        "app.add_url_rule('/reset/<int:uid>', view_func=reset)\n"
    )
    sources = {"app.py": source}
    assert _rules(sources, rules=[StateChangeOnGet]) == []
    route = Route(
        rule="/reset/<int:uid>",
        methods=("GET",),
        endpoint="reset",
        blueprint=None,
        view="reset",
        kind="function",
        span=SourceSpan("app.py", 3, 4),
    )
    project = ProjectMap(root=tmp_path, routes=[route], files=["app.py"])
    assert _rules(sources, rules=[StateChangeOnGet], project=project) == ["FLK402"]


def test_discover_skips_envs_caches_and_tests(tmp_path: Path) -> None:
    """Virtualenvs, caches, hidden folders and test files are not project code."""
    for rel in [
        "app.py",
        "pkg/views.py",
        ".venv/lib/x.py",
        "venv/y.py",
        "pkg/__pycache__/z.py",
        "tests/test_app.py",
        "pkg/test_views.py",
        "conftest.py",
        ".hidden/a.py",
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")
    assert discover(tmp_path) == ["app.py", "pkg/views.py"]


def test_cross_file_blueprint_siblings_and_method_views() -> None:
    """Views in another module of the same blueprint count as siblings; a MethodView's get()
    is a GET view (here one that commits)."""
    sources = {
        "shop/__init__.py": "from flask import Blueprint\nbp = Blueprint('a', __name__)\n",
        "shop/a.py": "from shop import bp\nfrom shop.auth import login_required\n"
        "@bp.get('/o/<int:oid>')\n@login_required\ndef one(oid): ...\n"
        "@bp.post('/o/<int:oid>/pay')\n@login_required\ndef pay(oid): ...\n",
        "shop/b.py": "from shop import bp\n@bp.get('/o/<int:oid>/pdf')\ndef pdf(oid): ...\n",
        "shop/c.py": "from flask.views import MethodView\nclass V(MethodView):\n"
        "    def get(self):\n        db.session.commit()\n",
    }
    result = check_sources(sources)
    assert ("shop/b.py", "FLK112") in {(v.file, v.rule) for v in result.violations}
    assert ("shop/c.py", "FLK402") in {(v.file, v.rule) for v in result.violations}


def test_files_are_read_as_python_reads_them(tmp_path: Path) -> None:
    """A UTF-8 BOM and a latin-1 coding cookie are honoured; undecodable bytes are an error
    for that file only."""
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbf" + DEBUG_RUN.encode() + b"\n")
    (tmp_path / "latin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\nNAME = '\xe9t\xe9'\nDEBUG = True\n"
    )
    (tmp_path / "broken.py").write_bytes(b"x = '\xff\xfe'\n")
    result = check_project(tmp_path, use_map=False)
    assert {(v.file, v.rule) for v in result.violations} == {
        ("bom.py", "FLK101"),
        ("latin.py", "FLK101"),
    }
    assert [e.file for e in result.errors] == ["broken.py"]


def test_an_import_cycle_is_reported_once() -> None:
    """a <-> b with both imports at the top is one problem, reported in one place."""
    sources = {
        "shop/a.py": "from shop.b import g\ndef f(): ...\n",
        "shop/b.py": "from shop.a import f\ndef g(): ...\n",
    }
    found = [v for v in check_sources(sources).violations if v.rule == "FLK501"]
    assert [(v.file, v.line) for v in found] == [("shop/a.py", 1)]


def test_map_decorators_reach_the_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Flask-RESTful Resource guarded by ``method_decorators`` inherited from a base class in
    another module: the map knows the decorator, and the rules' facts carry it."""
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "app"
    (root / "app").mkdir(parents=True)
    (root / "app" / "base.py").write_text(
        "from flask_restful import Resource\n"
        "from app.auth import login_required\n"
        "class AuthedResource(Resource):\n"
        "    method_decorators = [login_required]\n"
    )
    (root / "app" / "auth.py").write_text("def login_required(f):\n    return f\n")
    (root / "app" / "__init__.py").write_text(
        "from flask import Flask\nfrom flask_restful import Api\n"
        "from app.base import AuthedResource\n"
        "class Orders(AuthedResource):\n"
        "    def get(self):\n        return []\n"
        "def create_app():\n    app = Flask(__name__)\n    api = Api(app)\n"
        "    api.add_resource(Orders, '/orders')\n    return app\n"
    )
    result = check_project(root)
    infos = [i for i in result.facts["app/__init__.py"].functions.values() if i.name == "get"]
    assert infos and infos[0].is_view
    assert any("login_required" in d for d in infos[0].auth_decorators), infos[0].decorators
