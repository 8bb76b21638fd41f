"""Hostile paths are refused; text files round-trip byte for byte."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from architect_tui.vcs.paths import resolve_inside
from architect_tui.vcs.textfile import DecodeRefused, decode


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    (root / "app").mkdir(parents=True)
    (root / "app" / "views.py").write_text("x = 1\n")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core]\n")
    return root


@pytest.mark.parametrize(
    "rel",
    [
        "../outside.py",
        "app/../../outside.py",
        "/etc/passwd",
        "~/.bashrc",
        "C:/Windows/win.ini",
        ".git/config",
        "app/.git/hooks/pre-commit",
        ".architect/checkpoints/x/manifest.json",
        "",
        "app/\x00.py",
        "app",
    ],
)
def test_hostile_paths_are_refused(project: Path, rel: str) -> None:
    """Climbing out, absolute, .git/, our own store, empty, NUL and directories: all refused."""
    check = resolve_inside(project, rel)
    assert not check.ok and check.reason


def test_symlink_out_of_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    """A link inside the project that points outside cannot be written through."""
    outside = tmp_path / "secret.py"
    outside.write_text("SECRET = 1\n")
    os.symlink(outside, project / "app" / "link.py")
    os.symlink(tmp_path, project / "escape")
    assert not resolve_inside(project, "app/link.py").ok
    assert not resolve_inside(project, "escape/secret.py").ok


def test_symlink_into_git_is_refused(project: Path) -> None:
    """A link to .git/config is refused even though its name looks harmless."""
    os.symlink(project / ".git" / "config", project / "app" / "settings.ini")
    assert not resolve_inside(project, "app/settings.ini").ok


def test_symlink_inside_writes_to_the_real_file(project: Path) -> None:
    """A link to a file inside the project resolves to that file (the link is not replaced)."""
    os.symlink(project / "app" / "views.py", project / "alias.py")
    check = resolve_inside(project, "alias.py")
    assert check.path == (project / "app" / "views.py").resolve()


@pytest.mark.parametrize(
    "data",
    [
        b"a\r\nb\r\n",
        b"a\nb",
        b"\xef\xbb\xbfa = 1\n",
        b"a\r\nb\nc\r",
        b"",
        b"\t\tindent\n",
        "# -*- coding: latin-1 -*-\nx = 'é'\n".encode("latin-1"),
    ],
    ids=["crlf", "no-final-newline", "bom", "mixed", "empty", "tabs", "latin-1"],
)
def test_decode_encode_round_trip(data: bytes) -> None:
    """Decoding then encoding gives back the same bytes."""
    tf = decode(data, python=True)
    assert tf.encode() == data


def test_decode_keeps_shape_facts() -> None:
    """Dominant ending, BOM and final newline are remembered for new lines."""
    tf = decode(b"\xef\xbb\xbfa\r\nb\r\nc", python=False)
    assert (tf.newline, tf.bom, tf.final_newline) == ("\r\n", True, False)
    assert tf.with_lines(["a", "x", "b", "c"]).encode() == b"\xef\xbb\xbfa\r\nx\r\nb\r\nc"


@pytest.mark.parametrize("data", [b"x = '\xe9'\n", b"\x00\x01binary\n", b"# coding: nope\n"])
def test_undecodable_is_refused(data: bytes) -> None:
    """Invalid UTF-8 without a cookie, binary data and unknown cookies raise DecodeRefused."""
    with pytest.raises(DecodeRefused):
        decode(data, python=True)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(
                alphabet=st.characters(
                    blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"
                )
            ),
            st.sampled_from(["\n", "\r\n", "\r"]),
        ),
        max_size=8,
    ),
    st.booleans(),
    st.booleans(),
)
def test_round_trip_property(lines: list[tuple[str, str]], final: bool, bom: bool) -> None:
    """Any UTF-8 text with any mix of endings, BOM or not, final newline or not, round-trips."""
    text = "".join(t + e for t, e in lines)
    if lines and not final:
        text = text[: -len(lines[-1][1])]
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    assert decode(data, python=False).encode() == data


def test_a_fifo_is_refused_not_read(project: Path) -> None:
    """A FIFO where a file is expected is refused up front (reading it would hang)."""
    os.mkfifo(project / "app" / "pipe.py")
    check = resolve_inside(project, "app/pipe.py")
    assert not check.ok and "not a regular file" in (check.reason or "")
