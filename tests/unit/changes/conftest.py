"""Helpers for the change-set tests: a small Flask project in a real git repository, and the
real-Flask oracle (its ``url_map`` imported in a subprocess) to check route diffs against."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ORACLE = Path(__file__).parent.parent / "analysis" / "oracle_dump.py"

#: A factory app, a blueprint with an auth decorator, an app-wide hook and a service layer
#: (views -> services.price -> services.tax: the callee hops).
SHOP = {
    "wsgi.py": "from shop import create_app\n\napp = create_app()\n",
    "shop/__init__.py": (
        "from flask import Flask, g\n\n\n"
        "def create_app():\n"
        "    app = Flask(__name__)\n"
        "    from shop.catalog import bp as catalog_bp\n"
        "    from shop.orders import bp as orders_bp\n\n"
        "    app.register_blueprint(catalog_bp)\n"
        '    app.register_blueprint(orders_bp, url_prefix="/orders")\n\n'
        "    @app.before_request\n"
        "    def start_timer():\n"
        "        g.started = 1\n\n"
        '    @app.get("/health")\n'
        "    def health():\n"
        '        return "ok"\n\n'
        "    return app\n"
    ),
    "shop/auth.py": (
        "from functools import wraps\n\n\n"
        "def login_required(view):\n"
        "    @wraps(view)\n"
        "    def wrapper(*args, **kwargs):\n"
        "        return view(*args, **kwargs)\n\n"
        "    return wrapper\n"
    ),
    "shop/services.py": (
        "def tax(amount):\n"
        "    return amount * 0.2\n\n\n"
        "def price(amount):\n"
        "    return amount + tax(amount)\n"
    ),
    "shop/catalog/__init__.py": (
        "from flask import Blueprint\n\n"
        'bp = Blueprint("catalog", __name__, url_prefix="/catalog")\n\n'
        "from shop.catalog import views  # noqa: E402,F401\n"
    ),
    "shop/catalog/views.py": (
        "from shop.auth import login_required\n"
        "from shop.catalog import bp\n"
        "from shop.services import price\n\n\n"
        '@bp.get("/")\n'
        "def list_items():\n"
        '    return "items"\n\n\n'
        '@bp.get("/<int:item_id>")\n'
        "def item(item_id):\n"
        "    return str(price(item_id))\n\n\n"
        '@bp.post("/")\n'
        "@login_required\n"
        "def create_item():\n"
        '    return "made", 201\n'
    ),
    "shop/orders.py": (
        "from flask import Blueprint\n\n"
        "from shop.auth import login_required\n\n"
        'bp = Blueprint("orders", __name__)\n\n\n'
        '@bp.get("/")\n'
        "@login_required\n"
        "def orders():\n"
        '    return "orders"\n\n\n'
        '@bp.route("/<int:order_id>", methods=["GET", "DELETE"])\n'
        "@login_required\n"
        "def order(order_id):\n"
        "    return str(order_id)\n"
    ),
}


def git(root: Path, *args: str) -> str:
    out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return out.stdout


def write(root: Path, files: dict[str, str | None]) -> None:
    """Write (or, for None, delete) project files."""
    for rel, text in files.items():
        path = root / rel
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def commit(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-qm", message)
    return git(root, "rev-parse", "HEAD").strip()


def make_repo(root: Path, files: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.com")
    git(root, "config", "user.name", "Dev")
    write(root, dict(files or SHOP))  # type: ignore[arg-type]
    commit(root, "init")
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def user_state(root: Path) -> dict[str, object]:
    """What the user's git holds: HEAD, branches, stash, the index file's bytes and mtime."""
    index = root / ".git" / "index"
    return {
        "head": git(root, "rev-parse", "HEAD"),
        "branches": git(root, "branch", "--list", "-v"),
        "stash": git(root, "stash", "list"),
        "index": index.read_bytes(),
        "index_mtime": os.stat(index).st_mtime_ns,
        "refs": git(root, "for-each-ref"),
    }


Rule = tuple[str, tuple[str, ...], str]


def flask_rules(project: Path) -> set[Rule]:
    """Real Flask's url_map of ``project/wsgi.py`` (imported in a fresh interpreter)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "oracle.json"
        subprocess.run(
            [sys.executable, str(ORACLE), str(out), str(project)],
            capture_output=True,
            check=True,
            env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
            cwd=tmp,
            timeout=120,
        )
        result = json.loads(out.read_text(encoding="utf-8"))[str(project)]
    assert result["error"] is None, result["error"]
    return {(r, tuple(m), e) for r, m, e in result["rules"]}


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the user's cache dir from tests."""
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
