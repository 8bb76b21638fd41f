"""The headless loop a new user tries first: an offline review's JSON applied as it is."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

SHOP = Path(__file__).resolve().parents[2] / "examples" / "shop"


def architect(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "ARCHITECT_"))}
    env["XDG_CONFIG_HOME"] = str(cwd / ".xdg")
    env["XDG_CACHE_HOME"] = str(cwd / ".cache")
    return subprocess.run(
        [sys.executable, "-m", "architect_tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_offline_review_json_applies_without_consent_flags(tmp_path: Path) -> None:
    """The fixes of an offline review are in its scope: apply writes them (no --allow-outside),
    a second apply finds them already applied, and undo restores the bytes."""
    root = tmp_path / "shop"
    shutil.copytree(SHOP, root)
    views = root / "shop" / "orders" / "views.py"
    before = views.read_bytes()
    review = architect("review", "orders.checkout", "--format", "json", "--no-save", cwd=root)
    assert review.returncode == 0, review.stderr
    doc = json.loads(review.stdout)
    assert doc["source"] == "local" and doc["changes"]
    assert "shop/orders/views.py" in doc["context_files"]
    (root / "review.json").write_text(review.stdout)

    first = architect("apply", "review.json", "--json", cwd=root)
    assert first.returncode == 0, first.stdout + first.stderr
    assert [f["status"] for f in json.loads(first.stdout)["files"]] == ["applied"]
    assert views.read_bytes() != before

    again = architect("apply", "review.json", "--json", cwd=root)
    assert again.returncode == 0, again.stdout + again.stderr
    hunks = [h["status"] for f in json.loads(again.stdout)["files"] for h in f["hunks"]]
    assert hunks and set(hunks) == {"already_applied"}

    undone = architect("undo", cwd=root)
    assert undone.returncode == 0, undone.stderr
    assert views.read_bytes() == before
