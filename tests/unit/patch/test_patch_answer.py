"""Issue 10: one extraction for every front door, reading what real models write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from architect_tui.patch import apply, extract_answer, extract_changes, plan

VIEWS = "".join(f"def view{i}():\n    value = {i}\n    return value\n\n\n" for i in range(8))
DIFF = (
    "--- a/app.py\n+++ b/app.py\n@@ -6,3 +6,3 @@\n def view1():\n-    value = 1\n"
    "+    value = 100\n     return value\n"
)
SECOND = (
    "--- a/app.py\n+++ b/app.py\n@@ -16,3 +16,3 @@\n def view3():\n-    value = 3\n"
    "+    value = 300\n     return value\n"
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "app.py").write_text(VIEWS)
    return tmp_path


def applied(text: str, root: Path, **kw: bool) -> str:
    the_plan = plan(extract_answer(text, root, **kw), root)
    apply(the_plan, root, partial=True)
    return (root / "app.py").read_text()


@pytest.mark.parametrize("fence", ["```", "````", "~~~"])
def test_answer_wrapped_in_a_markdown_fence_yields_its_diffs(root: Path, fence: str) -> None:
    """The whole answer in a ```markdown (or ````markdown) fence, as models copy the prompt."""
    text = (
        f"{fence}markdown\n## Summary\nFix.\n\n## Proposed changes\n```diff\n{DIFF}```\n{fence}\n"
    )
    [fp] = extract_answer(text, root).files
    assert fp.path == "app.py" and len(fp.hunks) == 1
    assert "value = 100" in applied(text, root)


def test_markdown_fence_in_the_middle_of_prose(root: Path) -> None:
    """A ````markdown block holding the diff among other prose still yields it."""
    text = (
        f"Here is my answer:\n\n````markdown\n## Proposed changes\n```diff\n{DIFF}```\n````\nBye.\n"
    )
    assert len(extract_changes(text, root).files) == 1


def test_cut_answer_in_a_markdown_fence_keeps_its_last_complete_diff(root: Path) -> None:
    """Cut at max_tokens inside the second diff of a wrapped answer: the first is applied,
    the one being written is not."""
    cut = SECOND[: SECOND.index("+    value = 300") + 8]
    text = f"````markdown\n## Proposed changes\n```diff\n{DIFF}```\n\n```diff\n{cut}"
    [fp] = extract_answer(text, root, incomplete=True).files
    assert [h.complete for h in fp.hunks] == [True, False]
    after = applied(text, root, incomplete=True)
    assert "value = 100" in after and "value = 300" not in after


def test_review_json_document_is_read_with_its_incomplete_flag(root: Path) -> None:
    """`architect review --format json` output: the markdown, cut flag included."""
    cut = SECOND[: SECOND.index("+    value = 300") + 8]
    doc = {"markdown": f"```diff\n{DIFF}```\n```diff\n{cut}", "incomplete": True}
    [fp] = extract_answer(json.dumps(doc), root).files
    assert [h.complete for h in fp.hunks] == [True, False]


def numbered(diff: str, shift: int = 0) -> str:
    """The diff with the 'NNN| ' numbering the model was shown kept on every body line."""
    out, old = [], 0
    for line in diff.splitlines():
        if line.startswith("@@"):
            old = int(line.split()[1].split(",")[0][1:]) + shift
            out.append(line)
        elif line.startswith(("--- ", "+++ ")):
            out.append(line)
        elif line[0] == "+":
            out.append(f"+   | {line[1:]}")
        else:
            out.append(f"{line[0]}{old:>3}| {line[1:]}")
            old += 1
    return "\n".join(out) + "\n"


def test_numbered_lines_matching_the_file_are_stripped(root: Path) -> None:
    """A consistent NNN| prefix that is the file's own numbering: stripped, then applied."""
    text = f"```diff\n{numbered(DIFF)}```\n"
    [fp] = extract_changes(text, root).files
    assert fp.hunks[0].lines == [
        " def view1():",
        "-    value = 1",
        "+    value = 100",
        "     return value",
    ]
    assert "value = 100" in applied(text, root)


def test_numbering_that_is_not_the_file_s_is_left_alone(root: Path) -> None:
    """Numbers off by two: not the numbering the model was shown; nothing is stripped or
    written."""
    text = f"```diff\n{numbered(DIFF, shift=2)}```\n"
    [fp] = extract_changes(text, root).files
    assert fp.hunks[0].lines[0].startswith("   8| ")
    assert applied(text, root) == VIEWS


@pytest.mark.parametrize("context", [6, 8])
def test_redaction_placeholder_in_context_is_never_matched(root: Path, context: int) -> None:
    """A long hunk with one placeholder context line would score high: refused at every tier."""
    secret = "    token = 'hunter2-very-secret'"
    lines = VIEWS.splitlines()
    lines.insert(7, secret)
    (root / "app.py").write_text("\n".join(lines) + "\n")
    body = [f" {ln}" for ln in lines[5 : 5 + context]]
    body[2] = " " + "    token = '«REDACTED:1»'"
    body.insert(2, "+    audit()")
    text = "```diff\n--- a/app.py\n+++ b/app.py\n@@ -6,8 +6,9 @@\n" + "\n".join(body) + "\n```\n"
    [fp] = plan(extract_changes(text, root), root).files
    assert fp.hunks[0].status == "failed" and "REDACTED" in (fp.hunks[0].reason or "")


def test_search_replace_and_python_fence_are_found_as_apply_finds_them(root: Path) -> None:
    """The changes view's old blind spots: SEARCH/REPLACE, a diff in a ```python fence."""
    text = (
        "app.py\n```python\n<<<<<<< SEARCH\n    value = 1\n=======\n    value = 11\n"
        f">>>>>>> REPLACE\n```\n\n```python\n{SECOND}```\n"
    )
    files = extract_answer(text, root).files
    assert [len(f.hunks) for f in files] == [2]
