"""``architect review`` headless, in a subprocess, against the local Anthropic server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:  # until tests/conftest.py loads tests.support.fixtures
    sys.path.insert(0, str(_ROOT))

from architect_tui.cli import main  # noqa: E402
from tests.support.anthropic_server import (  # noqa: E402
    AnthropicServer,
    CutReply,
    ErrorReply,
    TextReply,
)
from tests.unit.review.shop_project import write_project  # noqa: E402

ANSWER = """## Summary
The create view trusts the client's total.

## Findings
### [high] security: Order total comes from the client
Location: `shop/orders/views.py:16`
Anyone can set their own price.

## Proposed changes
```diff
--- a/shop/orders/views.py
+++ b/shop/orders/views.py
@@ -16,1 +16,1 @@ def create():
-    order = create_order(user, request.json["total"])
+    order = create_order(user, price_of(request.json["items"]))
```
"""


@pytest.fixture
def server() -> Iterator[AnthropicServer]:
    with AnthropicServer() as server:
        yield server


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "shop"
    write_project(root)
    return root


def architect(
    *args: str, server: AnthropicServer | None, tmp_path: Path, key: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "ARCHITECT_"))}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")  # no user config from the machine
    if server is not None:
        env["ANTHROPIC_BASE_URL"] = server.url
    if key:
        env["ANTHROPIC_API_KEY"] = "sk-ant-test-cli"
    return subprocess.run(
        [sys.executable, "-m", "architect_tui", "review", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.fixture
def run_inline(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Callable[..., Done]:
    """The same command in this process (the SDK import is paid once for the whole run)."""

    def run(*args: str, server: AnthropicServer | None, key: bool = True) -> Done:
        for name in list(os.environ):
            if name.startswith(("ANTHROPIC_", "ARCHITECT_")):
                monkeypatch.delenv(name)
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
        if server is not None:
            monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)
        if key:
            monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test-cli")
        capsys.readouterr()
        try:
            code = main(["review", *args])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return Done(code, out.out, out.err)

    return run


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def test_markdown_streams_to_stdout_and_is_saved(
    server: AnthropicServer, project: Path, tmp_path: Path
) -> None:
    """Exit 0, the answer on stdout, progress on stderr, the review saved under .architect."""
    server.queue(TextReply(ANSWER, chunk_size=9))
    done = architect("orders.create", "--project", str(project), server=server, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ANSWER
    assert "orders.create: model claude-sonnet-5-5, lens full" in done.stderr
    assert "Traceback" not in done.stderr
    [sent] = server.requests
    body = sent.body
    assert body["stream"] is True and body["model"] == "claude-sonnet-5-5"
    assert body["system"][0]["cache_control"] == {"type": "ephemeral"}
    user_text = body["messages"][0]["content"][0]["text"]
    assert ' 16|     order = create_order(user, request.json["total"])' in user_text
    assert "hunter2pass" not in json.dumps(body)
    saved = sorted((project / ".architect" / "reviews").glob("*.md"))
    assert len(saved) == 1 and saved[0].read_text() == ANSWER
    meta = json.loads(saved[0].with_suffix(".json").read_text())
    assert meta["target"] == "orders.create" and meta["selection"]["endpoint"] == "orders.create"
    assert "sk-ant-test-cli" not in saved[0].with_suffix(".json").read_text()


def test_json_format_prints_the_contract_object(
    server: AnthropicServer, project: Path, tmp_path: Path
) -> None:
    """--format json: one object with the contract's fields."""
    server.queue(TextReply(ANSWER, input_tokens=1500, output_tokens=300))
    done = architect(
        "/orders/",
        "--project",
        str(project),
        "--lens",
        "security",
        "--format",
        "json",
        server=server,
        tmp_path=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert {"target", "model", "lens", "markdown", "findings", "changes", "usage"} <= out.keys()
    assert out["target"] == "orders.create" and out["lens"] == "security"
    assert out["markdown"] == ANSWER
    assert out["findings"][0]["severity"] == "high"
    assert {"severity", "category", "title", "file", "line", "detail"} <= out["findings"][0].keys()
    assert out["changes"].startswith("--- a/shop/orders/views.py")
    assert out["usage"]["input_tokens"] == 1500
    assert "security" in server.requests[0].body["system"][0]["text"].lower()


def test_ask_sends_the_question(
    server: AnthropicServer, project: Path, run_inline: Callable[..., Done]
) -> None:
    """--ask replaces the review task with the user's request, on a line range target."""
    done = run_inline(
        "shop/orders/views.py:12-17",
        "--project",
        str(project),
        "--ask",
        "Add pagination to the listing",
        server=server,
    )
    assert done.returncode == 0, done.stderr
    text = server.requests[0].last_user_text
    assert "Add pagination to the listing" in text.split("\n\n")[1]


def test_no_key_question_exits_3_with_the_way_forward(
    project: Path, run_inline: Callable[..., Done]
) -> None:
    """No key and a question: exit 3, how to set a key, nothing on stdout."""
    done = run_inline(
        "orders.create", "--project", str(project), "--ask", "why?", server=None, key=False
    )
    assert done.returncode == 3
    assert "ANTHROPIC_API_KEY" in done.stderr and "--offline" in done.stderr
    assert done.stdout == ""


def test_no_key_review_falls_back_to_the_offline_architect(
    project: Path, run_inline: Callable[..., Done]
) -> None:
    """No key, plain review: the offline rules answer (exit 0) and stderr says why."""
    done = run_inline("orders.create", "--project", str(project), server=None, key=False)
    assert done.returncode == 0, done.stderr
    assert "offline architect" in done.stderr and "ANTHROPIC_API_KEY" in done.stderr
    assert "## Summary" in done.stdout


@pytest.mark.parametrize(
    ("reply", "needle"),
    [
        (
            ErrorReply(401, "authentication_error", "invalid x-api-key"),
            "rejected (401: invalid x-api-key)",
        ),
        (ErrorReply(404, "not_found_error", "model: x"), "does not know the model"),
    ],
)
def test_refusals_exit_3_without_traceback(
    server: AnthropicServer,
    project: Path,
    run_inline: Callable[..., Done],
    reply: ErrorReply,
    needle: str,
) -> None:
    """An API error is one clear line on stderr and exit 3."""
    server.queue(reply)
    done = run_inline("orders.create", "--project", str(project), server=server)
    assert done.returncode == 3
    assert needle in done.stderr and "Traceback" not in done.stderr


def test_cut_stream_prints_the_partial_and_exits_3(
    server: AnthropicServer, project: Path, run_inline
) -> None:
    """The text so far stays on stdout; stderr says it was cut; the partial is saved."""
    server.queue(CutReply("## Summary\nThe create view "))
    done = run_inline("orders.create", "--project", str(project), server=server)
    assert done.returncode == 3
    assert done.stdout.startswith("## Summary\nThe create view ")
    assert "connection dropped" in done.stderr
    [meta] = (project / ".architect" / "reviews").glob("*.json")
    assert json.loads(meta.read_text())["incomplete"] is True


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["nope.endpoint"], "is not an endpoint"),
        (["orders.create", "--lens", "poetry"], "unknown lens 'poetry'"),
        (["orders.create", "--project", "/no/such/dir"], "no such directory"),
        (["orders.create", "--format", "xml"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(
    server: AnthropicServer,
    project: Path,
    run_inline: Callable[..., Done],
    args: list[str],
    needle: str,
) -> None:
    """Unknown target, lens, project or format: exit 2, a message, no request sent."""
    if "--project" not in args:
        args = [*args, "--project", str(project)]
    done = run_inline(*args, server=server)
    assert done.returncode == 2
    assert needle in done.stderr and "Traceback" not in done.stderr
    assert server.requests == []


def test_offline_flag(project: Path, run_inline: Callable[..., Done]) -> None:
    """--offline uses the rules: exit 0 with a local review once they exist, else a clear 3."""
    from architect_tui.analysis.model import ProjectMap
    from architect_tui.config import Settings
    from architect_tui.review.offline import offline_review

    try:
        offline_review(ProjectMap(root=project), None, Settings())
        built = True
    except NotImplementedError:
        built = False
    except Exception:  # built, but a bare map is not what it expects: run the CLI anyway
        built = True
    done = run_inline(
        "orders.create",
        "--project",
        str(project),
        "--offline",
        "--format",
        "json",
        server=None,
        key=False,
    )
    if built:
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["source"] == "local"
    else:
        assert done.returncode == 3 and "offline review is not available" in done.stderr
