"""Writes the user did not ask for: which target files of a patch need explicit consent.

A model's answer is hostile input (DESIGN.md section 3). A review of ``catalog.search`` whose
answer also edits ``shop/__init__.py``, adds ``.github/workflows/ci.yml`` and a ``conftest.py``
asks for more than the user selected, and the last two run code on their own: CI on the next
push, pytest on the next test run, without the user ever calling them. Such targets are flagged
(a warning in the plan and the report); front doors decide what consent means: ``architect
apply`` writes them only with ``--allow-outside``, the changes view never accepts them with
"accept all".

Public calls::

    why = runs_code("conftest.py")                 # -> str | None
    flags = classify_targets(paths, allowed=None)  # -> {path: [TargetFlag, ...]}, flagged only
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

FlagKind = Literal["outside", "runs_code"]

# (pattern over the whole project-relative POSIX path, lower-cased; why it runs code)
_RUNS_CODE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), why)
    for p, why in [
        (r"^\.github/workflows/", "a CI workflow: it runs on the next push"),
        (r"^\.github/actions/", "a CI action: workflows run it"),
        (r"(^|/)\.gitlab-ci\.ya?ml$", "a CI pipeline: it runs on the next push"),
        (r"^\.circleci/", "a CI pipeline: it runs on the next push"),
        (r"^\.buildkite/", "a CI pipeline: it runs on the next push"),
        (
            r"(^|/)(\.travis\.yml|azure-pipelines\.ya?ml|bitbucket-pipelines\.yml|jenkinsfile)$",
            "a CI pipeline: it runs on the next push",
        ),
        (r"(^|/)conftest\.py$", "pytest runs it on every test run"),
        (
            r"(^|/)(pytest\.ini|tox\.ini|noxfile\.py)$",
            "test runners run it or load plugins from it",
        ),
        (r"(^|/)setup\.py$", "it runs when the project is installed"),
        (r"(^|/)(setup\.cfg|pyproject\.toml)$", "build configuration: its hooks run at install"),
        (r"(^|/)(gnu)?makefile$|\.mk$", "make runs it"),
        (r"(^|/)\.pre-commit-(config|hooks)\.ya?ml$", "pre-commit runs its hooks on every commit"),
        (r"(^|/)\.envrc$", "direnv runs it on entering the folder"),
        (
            r"(^|/)(requirements[^/]*\.(txt|in)|constraints[^/]*\.txt|pipfile(\.lock)?)$",
            "dependencies: a new or changed package runs code when installed",
        ),
        (r"(^|/)requirements/[^/]+\.(txt|in)$", "dependencies: a package runs code when installed"),
        (r"(^|/)manage\.py$", "the project's command runner"),
        (r"(^|/)(sitecustomize|usercustomize)\.py$|\.pth$", "Python runs it at start-up"),
        (r"\.(sh|bash|zsh|fish|ps1|bat|cmd)$", "a shell script"),
        (r"(^|/)\.(githooks|husky)/|(^|/)\.git/hooks/", "a git hook: git runs it"),
        (r"(^|/)(dockerfile|containerfile)$|(^|/)docker-compose[^/]*\.ya?ml$", "container build"),
        (r"(^|/)procfile$", "the process list a host runs"),
        (r"(^|/)\.vscode/(tasks|launch|settings)\.json$", "the editor runs tasks from it"),
        (r"(^|/)package\.json$", "npm runs its scripts (install hooks)"),
    ]
]


@dataclass(frozen=True, slots=True)
class TargetFlag:
    """Why writing ``path`` needs the user's explicit consent."""

    path: str
    kind: FlagKind
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def runs_code(path: str) -> str | None:
    """Why the file at ``path`` (project-relative, POSIX) runs code on its own, or None."""
    lowered = path.lower()
    while lowered.startswith("./"):
        lowered = lowered[2:]
    for pattern, why in _RUNS_CODE:
        if pattern.search(lowered):
            return why
    return None


def _inside(path: str, allowed: Collection[str]) -> bool:
    """``path`` is one of ``allowed``, or lies in a folder that is (``shop/`` allows its files)."""
    if path in allowed:
        return True
    return any(str(parent) in allowed for parent in PurePosixPath(path).parents)


def classify_targets(
    paths: Iterable[str], allowed: Collection[str] | None = None
) -> dict[str, list[TargetFlag]]:
    """The flags of every target that needs consent (targets without flags are left out).

    ``paths``: project-relative POSIX paths a patch writes (a rename's old and new path, a new
    file, a deleted one). ``allowed``: the selection's files and the files of its related
    context (folders allow what they hold); None when unknown (a bare diff): then only files
    that run code on their own are flagged.
    """
    out: dict[str, list[TargetFlag]] = {}
    for path in dict.fromkeys(paths):
        if not path:
            continue
        flags: list[TargetFlag] = []
        if allowed is not None and not _inside(path, allowed):
            flags.append(
                TargetFlag(path, "outside", "outside the selection and the code sent with it")
            )
        why = runs_code(path)
        if why:
            flags.append(TargetFlag(path, "runs_code", f"runs code on its own ({why})"))
        if flags:
            out[path] = flags
    return out
