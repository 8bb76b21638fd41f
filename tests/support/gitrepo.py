"""Real git repositories in tmp dirs for tests: the git CLI, a small project, and planting objects."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

VIEWS = 'def index():\n    return "hi"\n\n\ndef other():\n    return 2\n'


def git(root: Path, *args: str, check: bool = True, stdin: bytes | None = None) -> str:
    """Run git in ``root`` and return its stdout (text)."""
    out = subprocess.run(["git", *args], cwd=root, capture_output=True, input=stdin, check=False)
    if check and out.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {out.stderr.decode()}")
    return out.stdout.decode()


def make_repo(root: Path) -> Path:
    """A committed repository holding app/views.py (VIEWS), README.md and notes.txt."""
    (root / "app").mkdir(parents=True)
    (root / "app" / "views.py").write_text(VIEWS)
    (root / "README.md").write_text("readme\n")
    (root / "notes.txt").write_text("notes\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.com")
    git(root, "config", "user.name", "Dev")
    git(root, "add", ".")
    git(root, "commit", "-qm", "init")
    return root


def plant_checkpoint(
    root: Path, manifest: dict[str, Any], blobs: dict[str, bytes], ref: str
) -> str:
    """Write a checkpoint commit by hand with git plumbing, as an attacker (or a bug) could."""
    entries = []
    for name, data in {**blobs, "manifest.json": json.dumps(manifest).encode()}.items():
        sha = git(root, "hash-object", "-w", "--stdin", stdin=data).strip()
        entries.append(f"100644 blob {sha}\t{name}\n")
    tree = git(
        root, "mktree", stdin="".join(sorted(entries, key=lambda e: e.split("\t")[1])).encode()
    )
    commit = git(root, "commit-tree", tree.strip(), "-m", "architect checkpoint: planted").strip()
    git(root, "update-ref", ref, commit)
    return commit
