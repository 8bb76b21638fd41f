"""The secrets corpus through the real review path: what the local server receives.

Each corpus file is reviewed with ``architect review FILE`` (in process, real ``anthropic`` SDK,
the local server recording every request). The body the server saw is searched for every
fragment of every secret shape; the look-alikes must arrive verbatim.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from architect_tui.cli import main
from tests.support.anthropic_server import AnthropicServer
from tests.support.secrets_corpus import LOOK_ALIKES, SHAPES, files
from tests.unit.review.shop_project import write_project

WITHHELD = {
    ".env": "SECRET_KEY=envfile-Value-881\n",
    ".flaskenv": "FLASK_APP=shop\nFLASK_SECRET=flaskenv-Value-772\n",
    "instance/app.cfg": "SECRET_KEY = 'instance-Value-663'\n",
    "instance/config.py": "SECRET_KEY = 'instance-py-Value-554'\n",
    "shop/.env.production": 'DB_PASSWORD="envprod-Value-445"\n',
    "deploy/prod.env": "API_TOKEN=prodenv-Value-336\n",
}


def _strings(node: Any) -> list[str]:
    """Every string in a decoded JSON body (system blocks, messages, their text)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _plant(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus and the withheld files written into ``root``; a private cache and config."""
    for name, text in {**files(), **WITHHELD}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def corpus_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "shop-project"
    write_project(root)
    _plant(root, tmp_path, monkeypatch)
    return root


def _review(root: Path, target: str) -> int:
    return main(["review", target, "--project", str(root), "--format", "json", "--no-save"])


def test_corpus_is_big_enough() -> None:
    """The issue's floor: at least 40 secret shapes and 40 look-alikes, all distinct."""
    assert len(SHAPES) >= 40 and len(LOOK_ALIKES) >= 40
    assert len({s.label for s in SHAPES}) == len(SHAPES)
    assert len({a.label for a in LOOK_ALIKES}) == len(LOOK_ALIKES)


def test_no_secret_shape_reaches_the_request_body(
    corpus_project: Path, llm_env: AnthropicServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every corpus file reviewed: no fragment of any secret is in what the server received,
    and at most 2 of the look-alikes were redacted."""
    for name in files():
        assert _review(corpus_project, name) == 0, capsys.readouterr().err
    assert len(llm_env.requests) == len(files())
    sent = "\n".join(s for req in llm_env.requests for s in _strings(req.body))
    for name in files():  # each file was really sent (not skipped or withheld)
        assert f"Selected: {name}" in sent
    leaked = [(s.label, frag) for s in SHAPES for frag in s.leaks if frag in sent]
    assert leaked == []
    redacted = [a.label for a in LOOK_ALIKES if a.kept not in sent]
    assert len(redacted) <= 2, redacted
    assert "«REDACTED:" in sent


@pytest.mark.parametrize("name", sorted(WITHHELD))
def test_withheld_file_sends_no_request(
    name: str,
    corpus_project: Path,
    llm_env: AnthropicServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``architect review .env`` (and every other spelling) exits 2 with a message naming the
    file; the server receives nothing."""
    code = _review(corpus_project, name)
    err = capsys.readouterr().err
    assert code == 2
    assert f"{name} is never sent to the model" in err
    assert "Nothing was sent" in err and "Traceback" not in err
    assert llm_env.requests == []


def test_withheld_range_selection_sends_no_request(
    corpus_project: Path, llm_env: AnthropicServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A line range of a withheld file is withheld too."""
    assert _review(corpus_project, ".flaskenv:1-2") == 2
    assert "never sent" in capsys.readouterr().err
    assert llm_env.requests == []


def test_no_secret_shape_reaches_a_change_review(
    tmp_path: Path,
    llm_env: AnthropicServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``review --changes`` on a real repository whose working tree adds the whole corpus and
    the withheld files: the diff is sent (redacted hunk by hunk, so split and multi-line
    secrets are seen whole), the withheld files are not."""
    from tests.unit.changes.conftest import make_repo

    root = make_repo(tmp_path / "repo")
    _plant(root, tmp_path, monkeypatch)
    code = main(["review", "--changes", "--project", str(root), "--format", "json", "--no-save"])
    assert code == 0, capsys.readouterr().err
    (request,) = llm_env.requests
    sent = "\n".join(_strings(request.body))
    assert "+AWS_SK = " in sent  # the corpus diff itself was sent
    leaked = [(s.label, frag) for s in SHAPES for frag in s.leaks if frag in sent]
    assert leaked == []
    assert not [v for v in WITHHELD.values() if v.strip().split("=")[-1].strip("'\"") in sent]
    redacted = [a.label for a in LOOK_ALIKES if a.kept not in sent]
    assert len(redacted) <= 2, redacted


BOT_APP = """from flask import Flask

app = Flask(__name__)
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


@app.route("/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ/hook", methods=["POST"])
def telegram():
    return ""


@app.route("/webhook/" + TOKEN)
def relay():
    return ""


@app.route("/")
def index():
    return "ok"
"""


@pytest.mark.parametrize("target", ["index", "telegram"])
def test_a_secret_in_a_route_rule_is_not_sent_in_the_overview_or_the_facts(
    target: str,
    tmp_path: Path,
    llm_env: AnthropicServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The map's rules reach the request through the project overview and the route facts, not
    through a file: a bot token in a rule is redacted there too (the rules still say which
    route is which)."""
    root = tmp_path / "bot"
    (root / "bot").mkdir(parents=True)
    (root / "bot/__init__.py").write_text(BOT_APP)
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert _review(root, target) == 0, capsys.readouterr().err
    (request,) = llm_env.requests
    sent = "\n".join(_strings(request.body))
    assert "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ" not in sent
    assert "POST /bot«REDACTED:" in sent and "GET /webhook/«REDACTED:" in sent
