"""``architect diff`` as a script runs it: a real process on a real git repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.changes.conftest import SHOP, edit, git, make_repo, user_state

REPO = Path(__file__).resolve().parents[2]
#: The line of the hook in the fixture's factory (its span starts at its decorator).
HOOK = SHOP["shop/__init__.py"].splitlines().index("    @app.before_request") + 1


def architect(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), ARCHITECT_CACHE_DIR=str(cache))
    return subprocess.run(
        [sys.executable, "-m", "architect_tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "shop")
    edit(root, "shop/orders.py", 'methods=["GET", "DELETE"]', 'methods=["GET", "PATCH"]')
    edit(root, "shop/__init__.py", "g.started = 1", "g.started = 2")
    return root


def test_json_contract(shop: Path, tmp_path: Path) -> None:
    """The JSON of DESIGN.md: base, head, routes{added,removed,changed,code_changed}, files."""
    state = user_state(shop)
    done = architect("diff", "--json", cwd=shop, cache=tmp_path / "c")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["base"] == git(shop, "rev-parse", "HEAD").strip()
    assert out["head"] == "working tree"
    assert out["files"] == ["shop/__init__.py", "shop/orders.py"]
    routes = out["routes"]
    assert routes["added"] == [] and routes["removed"] == []
    (changed,) = routes["changed"]
    assert changed["fields"] == ["methods"]
    assert changed["before"]["methods"] == ["DELETE", "GET"]
    assert changed["after"]["methods"] == ["GET", "PATCH"]
    assert set(changed["after"]) >= {"rule", "methods", "endpoint", "file", "line", "end_line"}
    hooked = {c["route"]["endpoint"] for c in routes["code_changed"]}
    assert {"orders.order", "catalog.item", "health", "static"} <= hooked
    reason = routes["code_changed"][0]["reasons"][0]
    assert reason == {
        "kind": "hook",
        "file": "shop/__init__.py",
        "line": HOOK,
        "name": "start_timer",
    }
    assert user_state(shop) == state


def test_table_and_project_either_way(shop: Path, tmp_path: Path) -> None:
    """``diff PATH``, ``diff BASE PATH`` and ``diff --project PATH`` give the same table."""
    by_path = architect("diff", str(shop), cwd=tmp_path, cache=tmp_path / "c")
    by_flag = architect("diff", "HEAD", "--project", str(shop), cwd=tmp_path, cache=tmp_path / "c")
    both = architect("diff", "HEAD", str(shop), cwd=tmp_path, cache=tmp_path / "c")
    assert by_path.returncode == by_flag.returncode == both.returncode == 0
    assert by_path.stdout == by_flag.stdout == both.stdout
    assert "changed (1):" in by_path.stdout
    assert "methods: DELETE,GET -> GET,PATCH" in by_path.stdout
    assert f"hook start_timer (shop/__init__.py:{HOOK})" in by_path.stdout


def test_bad_base_and_path_exit_2(shop: Path, tmp_path: Path) -> None:
    """An unknown revision, a folder outside git, a missing folder: exit 2, one clear line."""
    plain = tmp_path / "plain"
    plain.mkdir()
    for args, message in (
        (("diff", "no-such-branch"), "not a commit, branch or tag"),
        (("diff", "--project", str(plain)), "not inside a git repository"),
        (("diff", "HEAD", str(tmp_path / "missing")), "not a directory"),
        (("diff", "a", "b", "c"), "too many arguments"),
    ):
        done = architect(*args, cwd=shop, cache=tmp_path / "c")
        assert done.returncode == 2, (args, done.stdout)
        assert message in done.stderr and "Traceback" not in done.stderr


def test_auth_verdict_in_changed_fields(tmp_path: Path) -> None:
    """A view that loses @login_required: its auth verdict changes from decorator."""
    root = make_repo(tmp_path / "shop")
    edit(root, "shop/orders.py", '"DELETE"])\n@login_required\n', '"DELETE"])\n')
    done = architect("diff", "--json", cwd=root, cache=tmp_path / "c")
    assert done.returncode == 0, done.stderr
    (changed,) = done_json(done)["routes"]["changed"]
    assert changed["after"]["endpoint"] == "orders.order"
    assert changed["fields"] == ["decorators", "auth"]
    assert changed["auth"][0] == "decorator" and changed["auth"][1] in ("gap", "open")
    table = architect("diff", cwd=root, cache=tmp_path / "c").stdout
    assert f"auth: decorator -> {changed['auth'][1]}" in table


def done_json(done: subprocess.CompletedProcess[str]) -> dict:  # type: ignore[type-arg]
    return json.loads(done.stdout)
