"""The reviewer's prompts: shipped with the package, overridable and extendable per project.

Shipped files live in ``architect_tui/prompts/`` (package data): ``architect.md`` (the system
prompt and answer format), ``lenses/<lens>.md`` (one short addendum per review lens) and
``ask.md`` (the addendum for free questions and change requests).

A project changes them under ``.architect/prompts/``:

- a file with the same relative name **replaces** the shipped one (``architect.md``,
  ``lenses/security.md``, ``ask.md``); a new ``lenses/<name>.md`` **adds** a lens;
- ``<name>.extend.md`` is **appended** to ``<name>.md`` (``lenses/security.extend.md``);
  ``extend.md`` is appended to the system prompt whatever the lens, for house rules
  ("we use Marshmallow, not pydantic").

``architect prompts`` prints which files are in use, so nobody wonders why the reviewer says what
it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

SYSTEM = "architect.md"
ASK = "ask.md"
EXTEND = "extend.md"
LENS_DIR = "lenses"
PROJECT_DIR = Path(".architect") / "prompts"

Origin = Literal["package", "project"]
Role = Literal["base", "override", "added", "extend"]


class PromptError(ValueError):
    """A prompt that cannot be found (unknown lens, missing packaged file)."""


@dataclass(frozen=True, slots=True)
class PromptFile:
    """One prompt file and why it is in use."""

    name: str  # relative, POSIX: "architect.md", "lenses/security.md", "extend.md"
    path: str  # where it was read from
    origin: Origin
    role: Role
    text: str = field(repr=False, default="")


@dataclass(slots=True)
class PromptSet:
    """Every prompt file in effect for one project, resolved once."""

    files: dict[str, PromptFile]  # base/override/added files by name
    extensions: dict[str, PromptFile]  # name of the file they extend -> the extension

    @property
    def lenses(self) -> list[str]:
        """Lens names, "full" first."""
        names = sorted(
            n[len(LENS_DIR) + 1 : -3] for n in self.files if n.startswith(f"{LENS_DIR}/")
        )
        return sorted(names, key=lambda n: (n != "full", n))

    def text(self, name: str) -> str:
        """A file's text with its extension appended ("" when the file does not exist)."""
        parts = [self.files[name].text.strip()] if name in self.files else []
        if name in self.extensions:
            parts.append(self.extensions[name].text.strip())
        return "\n\n".join(p for p in parts if p)

    def system_prompt(self, lens: str = "full", *, ask: bool = False) -> str:
        """architect.md + the lens addendum (+ ask.md for a question) + the project's extend.md."""
        if SYSTEM not in self.files:
            raise PromptError(f"no {SYSTEM} found (the package is incomplete)")
        lens_name = f"{LENS_DIR}/{lens}.md"
        if lens_name not in self.files:
            known = ", ".join(self.lenses) or "none"
            raise PromptError(f"unknown lens {lens!r} (known: {known})")
        parts = [self.text(SYSTEM), self.text(lens_name)]
        if ask:
            parts.append(self.text(ASK))
        if EXTEND in self.extensions:
            parts.append(self.extensions[EXTEND].text.strip())
        return "\n\n".join(p for p in parts if p) + "\n"

    def stable_prompt(self) -> str:
        """architect.md + the project's extend.md: the part that is the same for every review
        of the project, sent first and cached (the lens and a question follow, uncached)."""
        if SYSTEM not in self.files:
            raise PromptError(f"no {SYSTEM} found (the package is incomplete)")
        parts = [self.text(SYSTEM)]
        if EXTEND in self.extensions:
            parts.append(self.extensions[EXTEND].text.strip())
        return "\n\n".join(p for p in parts if p) + "\n"

    def instructions(self, lens: str = "full", *, ask: bool = False) -> str:
        """The lens addendum (+ ask.md for a question): what varies between two reviews of the
        same project, so it goes after the cached prompt and overview."""
        lens_name = f"{LENS_DIR}/{lens}.md"
        if lens_name not in self.files:
            known = ", ".join(self.lenses) or "none"
            raise PromptError(f"unknown lens {lens!r} (known: {known})")
        parts = [self.text(lens_name)]
        if ask:
            parts.append(self.text(ASK))
        return "\n\n".join(p for p in parts if p) + "\n"

    def in_use(self, lens: str | None = None, *, ask: bool = False) -> list[PromptFile]:
        """The files a review with ``lens`` reads (every file when ``lens`` is None)."""
        wanted: set[str] | None = None
        if lens is not None:
            wanted = {SYSTEM, f"{LENS_DIR}/{lens}.md", EXTEND} | ({ASK} if ask else set())
        chosen = [f for n, f in sorted(self.files.items()) if wanted is None or n in wanted]
        chosen += [f for n, f in sorted(self.extensions.items()) if wanted is None or n in wanted]
        return chosen


def package_prompts_dir() -> Traversable:
    """The shipped prompts (a symlink to the repository's ``prompts/`` in a checkout)."""
    return files("architect_tui") / "prompts"


def _walk(root: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    if not root.is_dir():
        return found
    for entry in root.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir() and entry.name == LENS_DIR and not prefix:
            found.extend(_walk(entry, f"{LENS_DIR}/"))
        elif entry.is_file() and entry.name.endswith(".md"):
            found.append((name, entry))
    return found


def load_prompts(project_root: Path | None = None) -> PromptSet:
    """Resolve the prompt files for a project (or the shipped ones alone)."""
    prompt_files: dict[str, PromptFile] = {}
    extensions: dict[str, PromptFile] = {}
    for name, entry in _walk(package_prompts_dir()):
        if name.endswith(".extend.md"):
            continue
        prompt_files[name] = PromptFile(
            name, str(entry), "package", "base", entry.read_text("utf-8")
        )
    if project_root is not None:
        local = project_root / PROJECT_DIR
        for name, entry in _walk(local) if local.is_dir() else []:
            try:
                text = entry.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if name == EXTEND or name.endswith(".extend.md"):
                target = EXTEND if name == EXTEND else name[: -len(".extend.md")] + ".md"
                extensions[target] = PromptFile(name, str(entry), "project", "extend", text)
                continue
            role: Role = "override" if name in prompt_files else "added"
            prompt_files[name] = PromptFile(name, str(entry), "project", role, text)
    return PromptSet(prompt_files, extensions)
