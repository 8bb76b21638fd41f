"""The corpus of proposed changes (tests/corpus/<case>/), shared by the tests and the benchmark.

Each case holds ``before/`` (the project), ``answer.md`` (what the model wrote; ``{ROOT}`` stands
for the project's absolute path), ``after/`` (the whole expected project, absent when the change
must be refused) and ``case.json`` (expected exit code, ``--partial``, ``--incomplete``, and
optionally the hunk statuses).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SKIP = {".git", ".architect"}


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path
    meta: dict[str, Any]

    @property
    def project(self) -> str:
        return str(self.meta.get("project", "project"))

    @property
    def expects_change(self) -> bool:
        return (self.folder / "after").is_dir()

    def before(self) -> dict[str, bytes]:
        return tree(self.folder / "before")

    def expected(self) -> dict[str, bytes]:
        return tree(self.folder / ("after" if self.expects_change else "before"))

    def materialise(self, base: Path) -> Path:
        """Copy ``before/`` to ``base/<project>`` and return that project root."""
        root = base / self.project
        shutil.copytree(self.folder / "before", root)
        return root

    def answer(self, root: Path) -> str:
        text = (self.folder / "answer.md").read_bytes().decode("utf-8")
        return text.replace("{ROOT}", str(root))


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative POSIX path -> bytes), ignoring .git and .architect."""
    out: dict[str, bytes] = {}
    if not root.is_dir():
        return out
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] in SKIP or not path.is_file():
            continue
        out[rel.as_posix()] = path.read_bytes()
    return out


def load_cases() -> list[Case]:
    return [
        Case(p.name, p, json.loads((p / "case.json").read_text(encoding="utf-8")))
        for p in sorted(CORPUS.iterdir())
        if (p / "case.json").is_file()
    ]


def verdict(case: Case, result: dict[str, bytes]) -> str:
    """``right`` (the expected bytes), ``refused`` (untouched, a change was expected) or ``wrong``."""
    if result == case.expected():
        return "right"
    if result == case.before():
        return "refused"
    return "wrong"
