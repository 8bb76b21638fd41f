"""The map cache never holds a secret-looking value: the pack bytes on disk are searched."""

from __future__ import annotations

from pathlib import Path

import pytest

from architect_tui.analysis import read_project
from tests.support.secrets_corpus import PY, SHAPES

_FLASK_WORDS = ("route", "Flask", "Blueprint", "register_", "View", "_request", "Resource")


def _compiles(text: str) -> bool:
    try:
        compile(text, "<corpus>", "exec")
    except SyntaxError:
        return False
    return True


#: Corpus shapes that are valid Python on their own, hold no Flask word and are not comments
#: (``ast`` drops comments), so they land in a plain module whose facts the cache keeps.
CONFIG_SHAPES = [
    s
    for s in SHAPES
    if s.file == PY
    and not s.text.lstrip().startswith("#")
    and not any(w in s.text for w in _FLASK_WORDS)
    and _compiles(s.text)
]


APP = """from flask import Flask

from shop.config import Config

app = Flask(__name__)
app.config.from_object(Config)


@app.route("/")
def index():
    return "ok"
"""
BOT = """

@app.route("/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ/hook", methods=["POST"])
def telegram():
    return ""
"""
CLEAN_CONFIG = 'import os\n\nDEBUG = False\nSECRET_KEY = os.environ.get("SECRET_KEY", "dev")\n'


def _project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def _cache_bytes(cache: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(cache.rglob("*")) if p.is_file())


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(path))
    return path


def test_enough_shapes_reach_a_plain_config_module() -> None:
    """The cache test below is only as good as the shapes it plants."""
    assert len(CONFIG_SHAPES) >= 30


def test_no_secret_in_the_cache_and_the_map_is_unchanged(tmp_path: Path, cache: Path) -> None:
    """Config modules holding secrets, a route holding a bot token: none of them is in the
    cache bytes, and the map read back is the map read fresh."""
    # One module per shape: a file with any secret is left out whole, so a shape sharing a
    # module with another would hide whether it was found itself.
    modules = {f"shop/conf_{i}.py": f"import os\n\n{s.text}\n" for i, s in enumerate(CONFIG_SHAPES)}
    root = _project(
        tmp_path / "p",
        {"shop/__init__.py": APP + BOT, "shop/util.py": CLEAN_CONFIG, **modules},
    )
    first = read_project(root).to_json()
    second = read_project(root).to_json()
    assert first == second == read_project(root, use_cache=False).to_json()
    assert any(r["rule"].startswith("/bot123456789") for r in first["routes"])
    data = _cache_bytes(cache)
    assert data, "the cache was written"
    leaked = [(s.label, f) for s in CONFIG_SHAPES for f in s.leaks if f.encode() in data]
    assert leaked == []
    assert b"AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ" not in data
    assert b"shop/util.py" in data  # the clean module's facts are still cached


def test_a_clean_project_is_cached_whole(tmp_path: Path, cache: Path) -> None:
    """Filtering is not switching the cache off: a project without secrets keeps both packs."""
    root = _project(tmp_path / "p", {"shop/__init__.py": APP, "shop/config.py": CLEAN_CONFIG})
    read_project(root)
    kinds = sorted(p.name.split(".")[1] for p in cache.glob("*.pickle"))
    assert kinds == ["facts", "map"]


def test_a_map_holding_a_secret_removes_its_old_pack(tmp_path: Path, cache: Path) -> None:
    """A route gains a token: the map pack written before is removed, not left behind."""
    root = _project(tmp_path / "p", {"shop/__init__.py": APP, "shop/config.py": CLEAN_CONFIG})
    read_project(root)
    assert list(cache.glob("*.map.pickle"))
    (root / "shop/__init__.py").write_text(APP + BOT)
    project = read_project(root)
    assert any(r.rule.startswith("/bot123456789") for r in project.routes)
    assert not list(cache.glob("*.map.pickle"))
    assert b"AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ" not in _cache_bytes(cache)
