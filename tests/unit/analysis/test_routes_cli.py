"""``architect routes``: the table, the tree, the JSON contract and the exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from architect_tui.cli import main

from .conftest import FIXTURES

FACTORY = FIXTURES / "factory_blueprints"


def test_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one object with the documented fields; exit 0."""
    assert main(["routes", str(FACTORY), "--json", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["project"] == str(FACTORY.resolve())
    assert data["apps"] == [
        {"name": "app", "factory": "create_app", "file": "shopx/__init__.py", "line": 7}
    ]
    login = next(r for r in data["routes"] if r["endpoint"] == "auth.login")
    assert {k: login[k] for k in ("rule", "methods", "blueprint", "view", "kind", "file")} == {
        "rule": "/auth/login",
        "methods": ["GET", "POST"],
        "blueprint": "auth",
        "view": "login",
        "kind": "function",
        "file": "shopx/auth/routes.py",
    }
    assert (login["line"], login["end_line"]) == (13, 15)
    auth = next(b for b in data["blueprints"] if b["name"] == "auth")
    assert (auth["url_prefix"], auth["parent"], auth["file"]) == (
        "/auth",
        None,
        "shopx/auth/__init__.py",
    )
    assert data["diagnostics"] == []


def test_table_looks_like_flask_routes(capsys: pytest.CaptureFixture[str]) -> None:
    """Endpoint, Methods, Rule columns plus the location, sorted by endpoint by default."""
    assert main(["routes", str(FACTORY), "--no-cache"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Endpoint", "Methods", "Rule", "Location"]
    endpoints = [line.split()[0] for line in lines[2:]]
    assert endpoints == sorted(endpoints)
    login = next(line for line in lines if line.startswith("auth.login "))
    assert login.split()[-2:] == ["/auth/login", "shopx/auth/routes.py:13"]


def test_sort_by_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """--sort rule orders the rows by rule."""
    assert main(["routes", str(FACTORY), "--sort", "rule", "--no-cache"]) == 0
    rows = capsys.readouterr().out.splitlines()[2:]
    rules = [row.split()[-2] for row in rows]
    assert rules == sorted(rules)


def test_tree_nests_blueprints(capsys: pytest.CaptureFixture[str]) -> None:
    """--tree: app, then blueprints with their routes indented below them."""
    assert main(["routes", str(FIXTURES / "nested_blueprints"), "--tree", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("app (factory create_app)")
    assert "│   │   └── [parent.child.grand]  /parent/child/g" in out
    assert "/parent/child/g/deep/<int:n>  GET  parent.child.grand.deep" in out


def test_missing_path_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A path that does not exist: a one-line message on stderr, exit 2."""
    assert main(["routes", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert "no such directory" in err and "Traceback" not in err


def test_no_app_is_friendly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A folder without Flask: a friendly sentence, exit 0."""
    (tmp_path / "tool.py").write_text("print('hi')\n", encoding="utf-8")
    assert main(["routes", str(tmp_path)]) == 0
    assert "no Flask application found" in capsys.readouterr().out


def test_diagnostics_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """The table stays on stdout; the notes on what could not be known go to stderr."""
    assert main(["routes", str(FIXTURES / "diagnostics" / "runtime_prefix"), "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert "app.py:19:" in captured.err and "app.py:19:" not in captured.out


def test_real_subprocess_json(tmp_path: Path) -> None:
    """``python -m architect_tui routes PATH --json`` in a real process, with a fresh cache dir."""
    env = dict(os.environ, ARCHITECT_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "architect_tui", "routes", str(FIXTURES / "restx"), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    kinds = {(r["endpoint"], r["kind"]) for r in data["routes"]}
    assert ("api.users_user", "restx") in kinds and ("restx_doc.static", "static") in kinds
    assert any((tmp_path / "cache").iterdir()), "the cache was written where asked"


def test_tree_keeps_two_apps_apart(capsys: pytest.CaptureFixture[str]) -> None:
    """Two factories both binding ``app``: each app lists only its own routes."""
    assert main(["routes", str(FIXTURES / "restx"), "--tree", "--no-cache"]) == 0
    out = capsys.readouterr().out
    first, second = out.split("app:create_second (factory create_second)")
    assert "/v2/direct" in second and "/v2/direct" not in first
    assert "/api/u/list" in first and "/api/u/list" not in second


TWO_APPS = {
    "site/views.py": (
        "from flask import Blueprint\n\n"
        "bp = Blueprint('pages', __name__)\n\n\n"
        "@bp.route('/hello')\n"
        "def hello():\n"
        "    return 'hi'\n"
    ),
    "site/public.py": (
        "from flask import Flask\n\nfrom site.views import bp\n\n"
        "public = Flask(__name__)\npublic.register_blueprint(bp)\n"
    ),
    "site/admin.py": (
        "from flask import Flask\n\nfrom site.views import bp\n\n"
        "admin = Flask(__name__)\nadmin.register_blueprint(bp, url_prefix='/admin')\n"
    ),
    "site/__init__.py": "",
}


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def test_two_apps_get_an_app_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each app has its own url_map: the shared blueprint's route is listed once per app, named."""
    _write(tmp_path, TWO_APPS)
    assert main(["routes", str(tmp_path), "--no-cache"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["App", "Endpoint", "Methods", "Rule", "Location"]
    rows = sorted(tuple(line.split()[:4]) for line in lines[2:] if "pages.hello" in line)
    assert rows == [
        ("admin", "pages.hello", "GET", "/admin/hello"),
        ("public", "pages.hello", "GET", "/hello"),
    ]
    assert main(["routes", str(tmp_path), "--json", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted((r["app"], r["rule"]) for r in data["routes"] if r["kind"] != "static") == [
        ("admin", "/admin/hello"),
        ("public", "/hello"),
    ]


def test_one_app_keeps_the_flask_routes_columns(capsys: pytest.CaptureFixture[str]) -> None:
    """No App column when there is one app (the table stays as flask routes prints it)."""
    assert main(["routes", str(FACTORY), "--no-cache"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split()[0] == "Endpoint"


@pytest.mark.parametrize("command", ["routes", "check", "undo"])
def test_every_command_takes_the_project_either_way(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """PATH and --project PATH name the same project; two different ones are a usage error."""
    _write(tmp_path, TWO_APPS)
    for form in ([command, str(tmp_path)], [command, "--project", str(tmp_path)]):
        code = main(form)
        out = capsys.readouterr()
        assert code in (0, 1), out.err  # undo: nothing to undo (1); check: findings or not
        assert "directory" not in out.err, out.err
    with pytest.raises(SystemExit) as stop:
        main([command, str(tmp_path), "--project", str(tmp_path / "site")])
    assert stop.value.code == 2
    assert "two projects given" in capsys.readouterr().err
