"""Every review is kept: ``<project>/.architect/reviews/<timestamp>-<slug>.md`` + ``.json``.

The markdown is the answer as shown; the JSON holds what is needed to list and reopen it (target,
model, lens, selection, usage, cost, time, incomplete). Never the key: nothing here reads the
environment. ``.architect/`` is added to ``.git/info/exclude`` (not ``.gitignore``: the user's
tracked files are not ours to change) so saved reviews never show up in ``git status``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from dataclasses import asdict, dataclass, is_dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from architect_tui.review.model import Finding, Review, Usage
from architect_tui.review.pricing import estimate_cost

REVIEWS_DIR = Path(".architect") / "reviews"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class SavedReview:
    """One saved review, as the history view lists it."""

    json_path: Path
    markdown_path: Path
    target: str
    model: str
    lens: str
    created: str  # ISO 8601, UTC
    incomplete: bool
    findings: int
    ask: str | None = None


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return slug[:48] or "review"


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ensure_git_exclude(project_root: Path) -> bool:
    """Add ``.architect/`` to the repository's ``info/exclude``; True when it is there now."""
    git = project_root / ".git"
    if git.is_file():  # a worktree or submodule: "gitdir: <path>"
        text = git.read_text("utf-8", errors="replace").strip()
        if not text.startswith("gitdir:"):
            return False
        git = (project_root / text.split(":", 1)[1].strip()).resolve()
    if not git.is_dir():
        return False
    exclude = git / "info" / "exclude"
    try:
        current = exclude.read_text("utf-8") if exclude.is_file() else ""
        if any(
            line.strip() in {".architect/", ".architect", "/.architect/"}
            for line in current.splitlines()
        ):
            return True
        exclude.parent.mkdir(parents=True, exist_ok=True)
        prefix = "" if not current or current.endswith("\n") else "\n"
        exclude.write_text(f"{current}{prefix}.architect/\n", "utf-8")
    except OSError:
        return False
    return True


def _selection_json(selection: Any) -> dict[str, Any] | None:
    if selection is None:
        return None
    if is_dataclass(selection) and not isinstance(selection, type):
        return asdict(selection)
    return {"label": str(selection)}


def save_review(
    project_root: Path,
    review: Review,
    *,
    selection: Any = None,
    ask: str | None = None,
    started_at: float | None = None,
    duration: float | None = None,
    extra: dict[str, Any] | None = None,
) -> SavedReview:
    """Write the markdown and JSON of a review; returns where they went."""
    folder = project_root / REVIEWS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    ensure_git_exclude(project_root)
    when = datetime.fromtimestamp(started_at or time.time(), tz=UTC)
    stamp = when.strftime("%Y%m%dT%H%M%S") + f"{when.microsecond // 1000:03d}Z"
    base = f"{stamp}-{_slug(review.target)}"
    md_path = folder / f"{base}.md"
    counter = 1
    while md_path.exists():
        counter += 1
        md_path = folder / f"{base}-{counter}.md"
    json_path = md_path.with_suffix(".json")
    usage = review.usage or Usage()
    meta = {
        "version": FORMAT_VERSION,
        **review.to_json(),
        "ask": ask,
        "selection": _selection_json(selection),
        "created": when.isoformat(),
        "duration_s": round(duration, 3) if duration is not None else None,
        "cost_usd": estimate_cost(review.model, usage) if review.source == "llm" else 0.0,
        "markdown_file": md_path.name,
        **(extra or {}),
    }
    meta.pop("markdown", None)  # it is in the .md next to it
    _atomic_write(
        md_path, review.markdown if review.markdown.endswith("\n") else review.markdown + "\n"
    )
    _atomic_write(json_path, json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return _saved(json_path, meta)


def _saved(json_path: Path, meta: dict[str, Any]) -> SavedReview:
    return SavedReview(
        json_path=json_path,
        markdown_path=json_path.with_name(str(meta.get("markdown_file") or json_path.stem + ".md")),
        target=str(meta.get("target", "")),
        model=str(meta.get("model", "")),
        lens=str(meta.get("lens", "")),
        created=str(meta.get("created", "")),
        incomplete=bool(meta.get("incomplete", False)),
        findings=len(meta.get("findings") or []),
        ask=meta.get("ask"),
    )


def list_reviews(project_root: Path) -> list[SavedReview]:
    """Saved reviews, newest first; unreadable files are skipped."""
    folder = project_root / REVIEWS_DIR
    if not folder.is_dir():
        return []
    found: list[SavedReview] = []
    for path in folder.glob("*.json"):
        try:
            meta = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict):
            found.append(_saved(path, meta))
    return sorted(found, key=lambda s: (s.created, s.json_path.name), reverse=True)


def load_review(saved: SavedReview | Path) -> Review:
    """Reopen a saved review as a ``Review`` (the markdown from the .md file)."""
    json_path = saved.json_path if isinstance(saved, SavedReview) else saved
    meta = json.loads(json_path.read_text("utf-8"))
    md_path = json_path.with_name(str(meta.get("markdown_file") or json_path.stem + ".md"))
    markdown = md_path.read_text("utf-8") if md_path.is_file() else ""
    usage = meta.get("usage") or None
    findings = [
        Finding(**{k: v for k, v in f.items() if k in Finding.__dataclass_fields__})
        for f in meta.get("findings") or []
    ]
    return Review(
        target=meta.get("target", ""),
        model=meta.get("model", ""),
        lens=meta.get("lens", ""),
        markdown=markdown,
        findings=findings,
        changes=meta.get("changes", ""),
        usage=Usage(**usage) if usage else None,
        incomplete=bool(meta.get("incomplete", False)),
        stop_reason=meta.get("stop_reason"),
        source=meta.get("source", "llm"),
        warnings=list(meta.get("warnings") or []),
        context_files=[f for f in meta.get("context_files") or [] if isinstance(f, str)],
    )
