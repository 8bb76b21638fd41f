"""``architect review --changes [BASE]``: a review of the change, through the local Anthropic
server (real SDK, real HTTP) and offline, on a real git repository."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.anthropic_server import AnthropicServer, TextReply
from tests.unit.changes.conftest import edit, flask_rules, make_repo, user_state, write

ANSWER = """## Summary
A login hook for every route, and a new unauthenticated write.

## Findings
### [high] security: The new export route has no auth
Location: `shop/catalog/views.py:{line}`
It writes data for anyone.

## Proposed changes
None.
"""
SECRET = "sk_live_51Habcdefghijklmnopqrstuv"
HOOK = (
    "    @app.before_request\n"
    "    def require_login():\n"
    "        if g.get('user') is None:\n"
    "            return 'login first', 401\n\n"
)
EXPORT = '\n\n@bp.post("/export")\ndef export():\n    return "exported"\n'


@pytest.fixture
def server() -> Iterator[AnthropicServer]:
    with AnthropicServer() as server:
        yield server


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """The shop with a change in the working tree: a hook for every route, a new route, a
    changed helper two hops from a view, and a secret in a changed line."""
    root = make_repo(tmp_path / "shop")
    edit(root, "shop/__init__.py", "    @app.before_request\n", HOOK + "    @app.before_request\n")
    views = root / "shop/catalog/views.py"
    write(root, {"shop/catalog/views.py": views.read_text() + EXPORT})
    edit(root, "shop/services.py", "amount * 0.2", "amount * RATE")
    edit(
        root,
        "shop/services.py",
        "def tax(amount):",
        f'RATE = 0.25\nAPI_KEY = "{SECRET}"\n\n\ndef tax(amount):',
    )
    return root


def review(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    *args: str,
    server: AnthropicServer | None,
) -> tuple[int, str, str]:
    from architect_tui.cli import main

    for name in list(os.environ):
        if name.startswith(("ANTHROPIC_", "ARCHITECT_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "cache"))
    if server is not None:
        monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)
        monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test-cli")
    capsys.readouterr()
    try:
        code = main(["review", *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_model_gets_the_diff_the_routes_and_the_touched_functions(
    shop: Path,
    server: AnthropicServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """One request: the redacted diff, the hook's new reach (as many routes as Flask has), the
    added route, the new code of tax() numbered with its lines; the findings come back."""
    line = (shop / "shop/catalog/views.py").read_text().splitlines().index(
        '@bp.post("/export")'
    ) + 1
    server.queue(TextReply(ANSWER.format(line=line)))
    state = user_state(shop)
    code, out, err = review(
        monkeypatch,
        capsys,
        tmp_path,
        "--changes",
        "--project",
        str(shop),
        "--format",
        "json",
        "--no-save",
        server=server,
    )
    assert code == 0, err
    (sent,) = server.requests
    text = sent.last_user_text
    assert "+    def require_login():" in text  # the unified diff
    routes = len(flask_rules(shop))
    assert "before_request require_login (shop/__init__.py:" in text
    assert f"now runs for {routes} routes (before: 0)" in text
    assert "Added routes (1):" in text and "POST /catalog/export -> catalog.export" in text
    tax = (shop / "shop/services.py").read_text().splitlines().index("def tax(amount):") + 1
    assert f"{tax:>3}| def tax(amount):" in text  # the touched function, numbered
    assert "Point each finding at a changed line" in text
    assert SECRET not in json.dumps(sent.body)
    result = json.loads(out)
    assert result["target"] == "changes HEAD -> the working tree"
    (finding,) = result["findings"]
    assert (finding["file"], finding["line"]) == ("shop/catalog/views.py", line)
    assert user_state(shop) == state


def test_offline_reports_only_findings_on_changed_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No key: the offline architect; a committed finding is not reported, a new one is."""
    app = "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get('/')\ndef index():\n"
    old = app + "    print('visited')\n    return 'hi'\n"
    root = make_repo(tmp_path / "proj", {"app.py": old})
    (root / "app.py").write_text(old + "\n\nif __name__ == '__main__':\n    app.run(debug=True)\n")
    code, out, err = review(
        monkeypatch,
        capsys,
        tmp_path,
        "--changes",
        "HEAD",
        "--project",
        str(root),
        "--format",
        "json",
        "--no-save",
        server=None,
    )
    assert code == 0, err
    assert "offline architect" in err
    result = json.loads(out)
    assert result["source"] == "local"
    assert [f["rule"] for f in result["findings"]] == ["FLK101"]
    # the same review of the whole file sees the old finding too
    code, out, _ = review(
        monkeypatch,
        capsys,
        tmp_path,
        "app.py",
        "--project",
        str(root),
        "--format",
        "json",
        "--no-save",
        server=None,
    )
    assert {"FLK101", "FLK303"} <= {f["rule"] for f in json.loads(out)["findings"]}


def test_usage_errors(
    shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A target with --changes, no target at all, a bad base: exit 2 and one clear line."""
    for args, message in (
        (("catalog.item", "--changes"), "give no TARGET"),
        ((), "give a TARGET"),
        (("--changes", "nope"), "not a commit"),
    ):
        code, _, err = review(
            monkeypatch, capsys, tmp_path, *args, "--project", str(shop), server=None
        )
        assert code == 2 and message in err and "Traceback" not in err
