"""Generated hostile repositories: ``routes``, ``check`` and ``apply`` never crash or hang.

Each repository mixes a real Flask app with what a repository can hand the tool: nesting deep
enough to crash a recursive parser, a file too large to read, special files (a FIFO, a link to
/dev/zero, a link loop), odd encodings (Latin-1 without a cookie, UTF-16, invalid UTF-8), NUL and
control bytes. Every command runs in a child process under a 500 MB address-space cap and a
timeout, so a segfault, a hang or a runaway allocation fails the test instead of the suite.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CAP = 500 * 1024 * 1024

APP = (
    "from flask import Flask\n\napp = Flask(__name__)\n\n\n"
    "@app.route('/ping')\ndef ping():\n    return 'pong'\n"
)


def _deep(r: random.Random) -> bytes:
    n = r.choice([300, 2_000, 5_000])
    return ("x = " + "(" * n + "1" + ")" * n + "\n").encode()


def _chain(r: random.Random) -> bytes:
    return ("x = a" + ".b()" * r.choice([500, 20_000]) + "\n").encode()


def _sum(r: random.Random) -> bytes:
    return ("x = " + "+".join(["1"] * r.choice([1_000, 50_000])) + "\n").encode()


def _huge(r: random.Random) -> bytes:
    return b"x = 1\n" * (r.choice([2, 4]) * 1_000_000)


def _latin1(r: random.Random) -> bytes:
    return "NAME = 'café'\n".encode("latin-1")


def _utf16(r: random.Random) -> bytes:
    return "x = 'ü'\n".encode("utf-16")


def _bad_utf8(r: random.Random) -> bytes:
    return b"x = '\xff\xfe\xfa'\n"


def _nul(r: random.Random) -> bytes:
    return b"x = 1\n\x00\x00y = 2\n"


def _control(r: random.Random) -> bytes:
    return b"x = '\x1b[31m'\x07\n"


CONTENTS: list[Callable[[random.Random], bytes]] = [
    _deep, _chain, _sum, _huge, _latin1, _utf16, _bad_utf8, _nul, _control,
]


def _special(root: Path, r: random.Random, i: int) -> None:
    kind = r.choice(["fifo", "zero", "loop", "dangling"])
    target = root / f"special_{i}.py"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "zero":
        target.symlink_to("/dev/zero")
    elif kind == "loop":
        (root / f"loop_{i}").symlink_to(root)
    else:
        target.symlink_to(root / "nowhere.py")


def build(root: Path, seed: int) -> list[str]:
    """A hostile repository for ``seed``; returns the hostile Python files written."""
    r = random.Random(seed)
    (root / "app.py").write_text(APP)
    names = []
    for i, make in enumerate(r.sample(CONTENTS, 5)):
        folder = root / r.choice(["", "pkg", "pkg/sub"])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "__init__.py").touch()
        path = folder / f"h{i}_{make.__name__.strip('_')}.py"
        path.write_bytes(make(r))
        names.append(path.relative_to(root).as_posix())
    for i in range(2):
        _special(root, r, i)
    return names


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


def architect(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "ARCHITECT_"))}
    env["XDG_CACHE_HOME"] = str(root.parent / "cache")
    env["XDG_CONFIG_HOME"] = str(root.parent / "config")
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "architect_tui", *args],
        cwd=root,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        preexec_fn=_cap,
    )


def _calm(done: subprocess.CompletedProcess, codes: set[int]) -> None:
    assert done.returncode in codes, (done.returncode, done.stderr[-800:])
    assert "Traceback" not in done.stderr, done.stderr[-800:]


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_hostile_repository(seed: int, tmp_path: Path) -> None:
    """routes, check and apply finish with an answer on every generated repository."""
    root = tmp_path / "repo"
    root.mkdir()
    hostile = build(root, seed)

    routes = architect(root, "routes", ".", "--json")
    _calm(routes, {0})
    data = json.loads(routes.stdout)
    assert [r["rule"] for r in data["routes"] if r["endpoint"] == "ping"] == ["/ping"]
    assert data["diagnostics"], "the hostile files are named in the diagnostics"

    check = architect(root, "check", ".", "--format", "json", "--fail-on", "critical")
    _calm(check, {0, 1})
    report = json.loads(check.stdout)
    assert report["files"] >= 1

    # a diff aimed at every hostile file and at the app: the app's hunk lands or the whole
    # apply is refused, the hostile ones are refused or fail; nothing crashes or hangs
    diff = "".join(
        f"--- a/{name}\n+++ b/{name}\n@@ -1,1 +1,2 @@\n x = 1\n+y = 2\n" for name in hostile
    )
    diff += "--- a/app.py\n+++ b/app.py\n@@ -1,1 +1,2 @@\n from flask import Flask\n+import os\n"
    applied = architect(root, "apply", "-", "--json", "--partial", stdin=diff)
    _calm(applied, {0, 1, 2})
    json.loads(applied.stdout)
    assert (root / "app.py").read_text().startswith("from flask import Flask\n")
