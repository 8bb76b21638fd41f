"""Prompt loading: the shipped files, project overrides, extensions, and `architect prompts`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from architect_tui.review.prompts import PromptError, load_prompts, package_prompts_dir


def write(root: Path, rel: str, text: str) -> None:
    path = root / ".architect" / "prompts" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_shipped_prompts_are_found_as_package_data() -> None:
    """architect.md and the full lens ship with the package; full is listed first."""
    prompts = load_prompts(None)
    assert (package_prompts_dir() / "architect.md").is_file()
    assert prompts.lenses[0] == "full"
    system = prompts.system_prompt("full")
    assert system.startswith(prompts.files["architect.md"].text.strip()[:40])
    assert prompts.files["lenses/full.md"].text.strip() in system
    assert {f.origin for f in prompts.in_use("full")} == {"package"}


def test_project_override_extension_and_new_lens(tmp_path: Path) -> None:
    """Same name replaces, NAME.extend.md appends, extend.md appends everywhere, new lens adds."""
    write(tmp_path, "lenses/full.md", "FULL LENS FROM THE PROJECT")
    write(tmp_path, "lenses/full.extend.md", "ALSO CHECK MARSHMALLOW SCHEMAS")
    write(tmp_path, "extend.md", "HOUSE RULE: NO RAW SQL")
    write(tmp_path, "lenses/celery.md", "CELERY LENS")
    prompts = load_prompts(tmp_path)
    system = prompts.system_prompt("full")
    shipped = load_prompts(None).files["lenses/full.md"].text.strip()
    assert shipped not in system
    assert system.index("FULL LENS FROM THE PROJECT") < system.index("ALSO CHECK MARSHMALLOW")
    assert system.rstrip().endswith("HOUSE RULE: NO RAW SQL")
    assert "celery" in prompts.lenses
    assert "CELERY LENS" in prompts.system_prompt("celery")
    roles = {f.name: (f.origin, f.role) for f in prompts.in_use("full")}
    assert roles["lenses/full.md"] == ("project", "override")
    assert roles["extend.md"] == ("project", "extend")
    assert roles["architect.md"] == ("package", "base")
    assert roles["lenses/full.extend.md"] == ("project", "extend")


def test_ask_adds_the_ask_prompt() -> None:
    """A question gets ask.md after the lens."""
    prompts = load_prompts(None)
    if "ask.md" not in prompts.files:
        pytest.skip("ask.md not written yet")
    assert prompts.files["ask.md"].text.strip() in prompts.system_prompt("full", ask=True)
    assert prompts.files["ask.md"].text.strip() not in prompts.system_prompt("full")


def test_unknown_lens_names_the_known_ones() -> None:
    """A typo in --lens gets the list of lenses."""
    with pytest.raises(PromptError, match=r"unknown lens 'secruity' \(known: full"):
        load_prompts(None).system_prompt("secruity")


def test_prompts_command_lists_files_in_use(tmp_path: Path) -> None:
    """`architect prompts --project P` shows the project's override next to shipped files."""
    write(tmp_path, "architect.md", "OURS")
    out = subprocess.run(
        [sys.executable, "-m", "architect_tui", "prompts", "--project", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(row for row in out.splitlines() if row.startswith("architect.md"))
    assert "project" in line and "override" in line and str(tmp_path) in line
    assert "lenses/full.md" in out and "package" in out
    bad = subprocess.run(
        [sys.executable, "-m", "architect_tui", "prompts", "--lens", "nope"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "unknown lens 'nope'" in bad.stderr
