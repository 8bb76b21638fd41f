"""Turning a path as a model wrote it into a project-relative path, or a refusal.

Accepted spellings: ``a/x.py`` / ``b/x.py`` (git's prefixes), ``./x.py``, ``<project-folder>/x.py``,
and an absolute path inside the project. A path that does not exist is refused unless the change
creates it: a similar name is never guessed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from architect_tui.vcs.paths import check_relative, resolve_inside

DEV_NULL = "/dev/null"
_TIMESTAMP = re.compile(r"\t.*$|\s+\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d.*$")
# "shop/views.py (original)", "(modified)", "(new file)": a note, not part of the path
_NOTE = re.compile(
    r"\s+\((original|modified|new|new file|old|before|after|updated|fixed|deleted)\)$", re.I
)
_DECORATION = "`*\"' "
#: Longest path and path component accepted (Linux's limits: longer ones fail in the OS with
#: "File name too long"; refusing first gives a clear reason instead of an error).
MAX_PATH = 1024
MAX_PART = 255


@dataclass(frozen=True, slots=True)
class NormalisedPath:
    rel: str | None
    reason: str | None = None


def clean(raw: str) -> str:
    """The path text without timestamps, quotes and markdown decoration."""
    text = _TIMESTAMP.sub("", raw.strip())
    text = _NOTE.sub("", text)
    text = text.strip(_DECORATION)
    if text.startswith('"') and text.endswith('"'):
        text = text[1:-1]
    return text.replace("\\", "/")


def is_dev_null(raw: str) -> bool:
    return clean(raw) in (DEV_NULL, "dev/null", "a/dev/null", "b/dev/null", "NUL")


def _candidates(text: str, root: Path) -> list[str]:
    out: list[str] = []

    def add(p: str) -> None:
        while p.startswith("./"):
            p = p[2:]
        if p and p not in out:
            out.append(p)

    for base in (text, *(text[2:] for pre in ("a/", "b/") if text.startswith(pre))):
        add(base)
        if base.startswith(root.name + "/"):
            add(base[len(root.name) + 1 :])
    # git's a/ b/ prefixes first: that is what a well-formed diff means
    out.sort(key=lambda p: (not (text.startswith(("a/", "b/")) and p != text), 0))
    return out


def display_path(raw: str, root: Path) -> str:
    """The path as a user would name it in the project, for reports of refused changes:
    ``b/shop/nope.py`` -> ``shop/nope.py`` (git's prefix, ``./`` and the project folder go)."""
    text = clean(raw)
    cands = _candidates(text, root) if text else []
    shown = cands[0] if cands else text
    return shown if len(shown) <= 120 else shown[:117] + "..."


def _too_long(text: str) -> str | None:
    parts = text.split("/")
    longest = max(parts, key=lambda p: len(p.encode("utf-8", "replace")))
    if len(text.encode("utf-8", "replace")) > MAX_PATH:
        return f"path too long ({len(text)} characters)"
    if len(longest.encode("utf-8", "replace")) > MAX_PART:
        return f"a file or folder name in the path is too long ({len(longest)} characters)"
    return None


def normalise(raw: str, root: Path, *, must_exist: bool) -> NormalisedPath:
    """Project-relative POSIX path for ``raw``, or the reason it is refused."""
    text = clean(raw)
    if not text:
        return NormalisedPath(None, "no file path given")
    too_long = _too_long(text)
    if too_long:
        return NormalisedPath(None, too_long)
    if text.startswith("/"):
        real_root = os.path.realpath(root)
        for base in {str(root), real_root}:
            if text == base or text.startswith(base.rstrip("/") + "/"):
                text = text[len(base.rstrip("/")) + 1 :]
                break
        else:
            return NormalisedPath(None, f"absolute path outside the project: {text}")
    reason = check_relative(text)
    if reason:
        return NormalisedPath(None, reason)
    candidates = _candidates(text, root)
    for cand in candidates:
        if check_relative(cand) is None and (root / cand).is_file():
            check = resolve_inside(root, cand)
            return NormalisedPath(cand, None) if check.ok else NormalisedPath(None, check.reason)
    if must_exist:
        return NormalisedPath(None, f"file does not exist: {candidates[0] if candidates else text}")
    # a new file: git's prefix goes; the project folder's name goes when no such sub-folder exists
    rel = candidates[0]
    if rel.startswith(root.name + "/") and not (root / root.name).is_dir():
        rel = rel[len(root.name) + 1 :]
    reason = check_relative(rel)
    if reason:
        return NormalisedPath(None, reason)
    check = resolve_inside(root, rel)
    return NormalisedPath(rel, None) if check.ok else NormalisedPath(None, check.reason)
