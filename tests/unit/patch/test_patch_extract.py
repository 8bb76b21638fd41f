"""Extracting proposed changes from review text: what counts as a change, and what does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from architect_tui.patch import extract_changes

VIEWS = "def index():\n    return 'hi'\n\n\ndef other():\n    return 2\n"
HUNK = "@@ -1,2 +1,2 @@\n def index():\n-    return 'hi'\n+    return 'hello'\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "shop"
    (project / "app").mkdir(parents=True)
    (project / "app" / "views.py").write_text(VIEWS)
    (project / "app" / "models.py").write_text("class User:\n    pass\n")
    return project


def diff(path: str = "app/views.py", body: str = HUNK) -> str:
    return f"--- a/{path}\n+++ b/{path}\n{body}"


def test_answer_format_example(root: Path) -> None:
    """The documented format: a ```diff fence under '## Proposed changes'."""
    patch = extract_changes(f"## Proposed changes\n```diff\n{diff()}```\n", root)
    [fp] = patch.files
    assert (fp.path, fp.kind, fp.refused) == ("app/views.py", "modify", None)
    [hunk] = fp.hunks
    assert hunk.old_start == 1 and hunk.complete
    assert hunk.lines == [" def index():", "-    return 'hi'", "+    return 'hello'"]


def test_ordinary_code_block_is_not_a_change(root: Path) -> None:
    """A python block with lines starting with '-' or '+' is not a diff without headers."""
    text = "```python\n- item\n+ item\nx = 1\n```\n\n```\nplain text\n```\n"
    assert extract_changes(text, root).files == []


def test_several_files_per_block_and_blocks_per_answer(root: Path) -> None:
    """Two files in one block plus one more block: three file patches, merged per file."""
    models = "@@ -1,2 +1,2 @@\n class User:\n-    pass\n+    id = 0\n"
    other = "@@ -5,2 +5,2 @@\n def other():\n-    return 2\n+    return 3\n"
    text = (
        f"```diff\n{diff()}{diff('app/models.py', models)}```\n\n```diff\n{diff(body=other)}```\n"
    )
    files = extract_changes(text, root).files
    assert [(f.path, len(f.hunks)) for f in files] == [("app/views.py", 2), ("app/models.py", 1)]


def test_repeated_hunk_is_kept_once(root: Path) -> None:
    """A model that repeats the same diff twice does not apply it twice."""
    text = f"```diff\n{diff()}```\nAgain:\n```diff\n{diff()}```\n"
    [fp] = extract_changes(text, root).files
    assert len(fp.hunks) == 1


def test_unfenced_diff_ends_at_prose(root: Path) -> None:
    """An unfenced diff stops at the first line that is not part of it."""
    text = f"Here:\n\n{diff()}\nThis returns a friendlier greeting.\n"
    [fp] = extract_changes(text, root).files
    assert fp.hunks[0].lines[-1] == "+    return 'hello'"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("app/views.py", "app/views.py"),
        ("./app/views.py", "app/views.py"),
        ("shop/app/views.py", "app/views.py"),
        ("{root}/app/views.py", "app/views.py"),
        ("app\\views.py", "app/views.py"),
        ("`app/views.py`", "app/views.py"),
        ("app/views.py\t2024-01-01 10:00:00", "app/views.py"),
    ],
)
def test_path_spellings_are_normalised(root: Path, header: str, expected: str) -> None:
    """Prefixes, the project folder's name, absolute-inside, backslashes, quotes, timestamps."""
    header = header.replace("{root}", str(root))
    text = f"```diff\n--- {header}\n+++ {header}\n{HUNK}```\n"
    [fp] = extract_changes(text, root).files
    assert (fp.path, fp.refused) == (expected, None)


@pytest.mark.parametrize(
    "header",
    ["app/view.py", "../shop/app/views.py", "/etc/passwd", ".git/config", "views.py"],
)
def test_bad_paths_are_refused_not_guessed(root: Path, header: str) -> None:
    """A missing or escaping path is refused with a reason; no similar name is picked."""
    text = f"```diff\n--- a/{header}\n+++ b/{header}\n{HUNK}```\n"
    [fp] = extract_changes(text, root).files
    assert fp.refused


def test_hunk_without_file_header_is_refused(root: Path) -> None:
    """'@@' with no '---/+++' before it: which file? Refused, not guessed."""
    [fp] = extract_changes(f"```diff\n{HUNK}```\n", root).files
    assert fp.refused and "header" in fp.refused


def test_new_delete_rename(root: Path) -> None:
    """/dev/null on either side and git's rename headers give the right kinds."""
    text = (
        "```diff\n--- /dev/null\n+++ b/app/new.py\n@@ -0,0 +1 @@\n+X = 1\n"
        "--- a/app/models.py\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-class User:\n-    pass\n"
        "diff --git a/app/views.py b/app/pages.py\nsimilarity index 100%\n"
        "rename from app/views.py\nrename to app/pages.py\n```\n"
    )
    kinds = [(f.kind, f.path, f.old_path) for f in extract_changes(text, root).files]
    assert kinds == [
        ("new", "app/new.py", None),
        ("delete", "app/models.py", "app/models.py"),
        ("rename", "app/pages.py", "app/views.py"),
    ]


def test_search_replace_blocks(root: Path) -> None:
    """SEARCH/REPLACE with the path above the fence or inside it becomes a line-less hunk."""
    text = (
        "app/views.py\n```python\n<<<<<<< SEARCH\n    return 'hi'\n=======\n"
        "    return 'hello'\n>>>>>>> REPLACE\n```\n\n```\napp/models.py\n<<<<<<< SEARCH\n"
        "    pass\n=======\n    id = 0\n>>>>>>> REPLACE\n```\n"
    )
    files = extract_changes(text, root).files
    assert [f.path for f in files] == ["app/views.py", "app/models.py"]
    assert files[0].hunks[0].old_start is None
    assert files[0].hunks[0].lines == ["-    return 'hi'", "+    return 'hello'"]


def test_incomplete_answer_marks_only_the_hunk_being_written(root: Path) -> None:
    """A cut stream: the last, unfinished hunk is not complete; earlier ones are."""
    other = "@@ -5,2 +5,2 @@\n def other():\n-    return 2\n+    ret"
    text = f"```diff\n{diff()}{diff(body=other)}"
    [fp] = extract_changes(text, root, incomplete=True).files
    assert [h.complete for h in fp.hunks] == [True, False]
    # the same text without the flag: both offered (the caller knows whether the answer was cut)
    [fp] = extract_changes(text, root).files
    assert all(h.complete for h in fp.hunks)


def test_incomplete_answer_after_closed_fence_keeps_hunks(root: Path) -> None:
    """Cut in the prose after the diff: the diff itself was finished."""
    text = f"```diff\n{diff()}```\n\n## Questions\nWhat does the templ"
    [fp] = extract_changes(text, root, incomplete=True).files
    assert fp.hunks[0].complete


def test_unterminated_search_replace_is_never_complete(root: Path) -> None:
    """A SEARCH/REPLACE block without its REPLACE marker is not offered."""
    text = "app/views.py\n```python\n<<<<<<< SEARCH\n    return 'hi'\n=======\n    return 'he"
    [fp] = extract_changes(text, root, incomplete=True).files
    assert not fp.hunks[0].complete


def test_trailing_blank_lines_before_prose_are_not_context(root: Path) -> None:
    """Blank lines after a fenced hunk's last line are gaps, unless the counts need them."""
    body = "@@ -1,2 +1,2 @@\n def index():\n-    return 'hi'\n+    return 'hello'\n\n\n"
    [fp] = extract_changes(f"```diff\n{diff(body=body)}```\n", root).files
    assert fp.hunks[0].lines[-1] == "+    return 'hello'"
    body = "@@ -1,3 +1,3 @@\n def index():\n-    return 'hi'\n+    return 'hello'\n\n"
    [fp] = extract_changes(f"```diff\n{diff(body=body)}```\n", root).files
    assert fp.hunks[0].lines[-1] == " "
