"""Finding proposed changes in review text: unified diffs (fenced or not) and SEARCH/REPLACE blocks.

The text is hostile input: every path goes through :mod:`architect_tui.patch.paths`, hunk counts
are recomputed from the body, and an ordinary code block that is not a diff is not a change.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from architect_tui.patch.model import FilePatch, Hunk, Patch
from architect_tui.patch.paths import display_path, is_dev_null, normalise

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})\s*([^`]*)$")
_HUNK = re.compile(r"^@@+\s*-(\d+)(?:,(\d+))?\s+\+(\d+)(?:,(\d+))?\s*@@+(.*)$")
_LOOSE_HUNK = re.compile(r"^@@.*$")
_GIT = re.compile(r"^diff --git (\S+) (\S+)\s*$")
_SEARCH = re.compile(r"^\s*<{5,9}\s*SEARCH\s*$")
_DIVIDER = re.compile(r"^\s*={5,9}\s*$")
_REPLACE = re.compile(r"^\s*>{5,9}\s*REPLACE\s*$")
_BINARY = re.compile(r"^(GIT binary patch|Binary files .* differ|literal \d+|delta \d+)\s*$")
_PATHLIKE = re.compile(r"^[\w./\\-]+\.[\w]+$|^[\w.-]+/[\w./\\-]+$")
DIFF_INFOS = {"diff", "patch", "udiff", "git"}
WRAPPER_INFOS = {"markdown", "md"}
# " 21|     code", "-22| code", "+   | code", "+code": the numbering the model was shown, kept
_NUMBERED = re.compile(r"^([ +-])\s*(\d*)\| ?(.*)$")


@dataclass(slots=True)
class _Block:
    lines: list[str]
    fenced: bool
    info: str
    closed: bool  # the fence was closed (or, unfenced, text follows the diff)
    before: list[str]  # the prose lines just before the block (for SEARCH/REPLACE paths)


def _dedent(line: str, indent: str) -> str:
    """Remove the opening fence's indentation (up to its width) from a body line."""
    if not indent:
        return line
    k = 0
    while k < len(indent) and k < len(line) and line[k] == indent[k]:
        k += 1
    return line[k:]


def _split_blocks(lines: list[str]) -> list[_Block]:
    """Fenced blocks and the prose runs between them, in order."""
    blocks: list[_Block] = []
    prose: list[str] = []
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            prose.append(lines[i])
            i += 1
            continue
        if prose:
            blocks.append(_Block(prose, False, "", True, []))
        indent, fence, info = m.group(1), m.group(2), m.group(3).strip()
        body: list[str] = []
        j = i + 1
        closed = False
        while j < len(lines):
            stripped = lines[j].strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) == {fence[0]}:
                closed = True
                break
            # a fence inside a list item: its body carries the item's indentation too
            body.append(_dedent(lines[j], indent))
            j += 1
        before = [ln for ln in prose[-3:] if ln.strip()] if prose else []
        if (info.split() or [""])[0].lower() in WRAPPER_INFOS:
            # a markdown fence around (part of) the answer: what it holds is the answer
            blocks.extend(_split_blocks(body))
        else:
            blocks.append(_Block(body, True, info, closed, before))
        prose = []
        i = j + 1
    if prose:
        blocks.append(_Block(prose, False, "", True, []))
    return blocks


def _looks_like_diff(lines: list[str]) -> bool:
    for i, line in enumerate(lines):
        if _GIT.match(line) or _HUNK.match(line):
            return True
        if line.startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ "):
            return True
    return False


def _is_file_header(lines: list[str], i: int) -> bool:
    return lines[i].startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ ")


class _DiffParser:
    """A forgiving unified-diff reader over one block's lines."""

    def __init__(self, lines: list[str], *, fenced: bool) -> None:
        self.lines = lines
        self.fenced = fenced
        self.files: list[tuple[dict[str, str | None], list[Hunk]]] = []
        self.ended_at_end = False  # the last hunk ran to the end of the block

    def parse(self) -> None:
        lines = self.lines
        i = 0
        current: tuple[dict[str, str | None], list[Hunk]] | None = None
        while i < len(lines):
            line = lines[i]
            git = _GIT.match(line)
            if git:
                current = ({"git_old": git.group(1), "git_new": git.group(2)}, [])
                self.files.append(current)
                i += 1
                continue
            if _is_file_header(lines, i):
                meta = current[0] if current is not None and not current[1] else None
                if meta is None or "old" in meta:
                    current = ({}, [])
                    self.files.append(current)
                current[0]["old"] = line[4:]
                current[0]["new"] = lines[i + 1][4:]
                i += 2
                continue
            if current is not None and not current[1]:
                for key, prefix in (
                    ("new_mode", "new file mode"),
                    ("deleted", "deleted file mode"),
                    ("rename_from", "rename from "),
                    ("rename_to", "rename to "),
                ):
                    if line.startswith(prefix):
                        current[0][key] = line[len(prefix) :].strip()
                if _BINARY.match(line):
                    current[0]["binary"] = line.strip()
            if _LOOSE_HUNK.match(line):
                if current is None:
                    current = ({}, [])
                    self.files.append(current)
                i = self._hunk(i, current[1])
                continue
            i += 1

    def _hunk(self, i: int, into: list[Hunk]) -> int:
        lines = self.lines
        header = lines[i]
        m = _HUNK.match(header)
        nums = [int(g) if g is not None else None for g in m.groups()[:4]] if m else [None] * 4
        if m:
            nums[1] = 1 if nums[1] is None else nums[1]
            nums[3] = 1 if nums[3] is None else nums[3]
        body: list[str] = []
        no_nl_old = no_nl_new = False
        j = i + 1
        while j < len(lines):
            line = lines[j]
            if _LOOSE_HUNK.match(line) or _GIT.match(line) or _is_file_header(lines, j):
                break
            if line.startswith("\\"):
                if body and body[-1].startswith("+"):
                    no_nl_new = True
                elif body and body[-1].startswith("-"):
                    no_nl_old = True
                else:
                    no_nl_old = no_nl_new = True
            elif line == "" or line[0] in " +-":
                body.append(line if line else " ")
            elif self.fenced and line.strip():
                body.append(" " + line)  # a context line that lost its leading space
            else:
                break
            j += 1
        self.ended_at_end = j >= len(lines)
        # trailing empty lines are usually the gap before prose, unless the counts need them
        trailing = 0
        while body and body[-1] == " " and j > i + 1 and lines[j - 1 - trailing] == "":
            body.pop()
            trailing += 1
        if trailing and nums[1] is not None and nums[3] is not None:
            old = sum(1 for b in body if b[0] in " -")
            new = sum(1 for b in body if b[0] in " +")
            if old + trailing == nums[1] and new + trailing == nums[3]:
                body.extend([" "] * trailing)
        into.append(
            Hunk(
                header=header,
                lines=body,
                old_start=nums[0],
                old_count=nums[1],
                new_start=nums[2],
                new_count=nums[3],
                no_newline_old=no_nl_old,
                no_newline_new=no_nl_new,
            )
        )
        return j


def _file_patch(meta: dict[str, str | None], hunks: list[Hunk], root: Path) -> FilePatch:
    old_raw = meta.get("rename_from") or meta.get("old") or meta.get("git_old") or ""
    new_raw = meta.get("rename_to") or meta.get("new") or meta.get("git_new") or ""
    if meta.get("rename_from") and not meta.get("rename_to"):
        new_raw = meta.get("new") or meta.get("git_new") or ""
    raw = new_raw or old_raw
    if "binary" in meta:
        shown = display_path(raw, root) if raw else ""
        return FilePatch(
            shown, hunks=hunks, raw_path=raw,
            refused="a binary patch (GIT binary patch): only text changes are applied",
        )  # fmt: skip
    if not old_raw and not new_raw:
        return FilePatch("", hunks=hunks, refused="hunk without a file header (which file?)")
    old_null = is_dev_null(old_raw) or "new_mode" in meta
    new_null = is_dev_null(new_raw) or "deleted" in meta
    if old_null and new_null:
        return FilePatch("", hunks=hunks, refused="both sides are /dev/null", raw_path=raw)
    if old_null:
        dest = normalise(new_raw, root, must_exist=False)
        if dest.rel is None:
            return FilePatch(
                display_path(raw, root), "new", hunks=hunks, refused=dest.reason, raw_path=raw
            )
        return FilePatch(dest.rel, "new", None, dest.rel, hunks, raw_path=raw)
    src = normalise(old_raw, root, must_exist=True)
    if src.rel is None:
        return FilePatch(
            display_path(raw, root), "modify", hunks=hunks, refused=src.reason, raw_path=raw
        )
    if new_null:
        return FilePatch(src.rel, "delete", src.rel, None, hunks, raw_path=old_raw)
    dest = normalise(new_raw, root, must_exist=False)
    if dest.rel is None:
        return FilePatch(
            display_path(raw, root), "rename", src.rel, hunks=hunks, refused=dest.reason,
            raw_path=raw,
        )  # fmt: skip
    if dest.rel == src.rel:
        return FilePatch(src.rel, "modify", src.rel, src.rel, hunks, raw_path=raw)
    existing = normalise(new_raw, root, must_exist=True)
    if existing.rel is not None and existing.rel == dest.rel:
        return FilePatch(
            dest.rel, "rename", src.rel, dest.rel, hunks,
            refused=f"rename target already exists: {dest.rel}", raw_path=raw,
        )  # fmt: skip
    return FilePatch(dest.rel, "rename", src.rel, dest.rel, hunks, raw_path=raw)


def _path_from_prose(before: list[str], info: str) -> str | None:
    """The file a SEARCH/REPLACE block names: fence info, or the line just above the fence."""
    words = info.replace(":", " ").replace("=", " ").split()
    for word in words[1:] + words[:1]:
        if _PATHLIKE.match(word.strip("`*:")) and "." in word:
            return word.strip("`*:")
    for line in reversed(before):
        text = line.strip().strip("#").strip()
        text = re.sub(r"^(file|path|in)\s*[:=]?\s*", "", text, flags=re.I)
        text = text.strip("`*: ")
        if _PATHLIKE.match(text):
            return text
        return None
    return None


def _search_replace(block: _Block, root: Path) -> list[FilePatch]:
    out: list[FilePatch] = []
    lines = block.lines
    path = _path_from_prose(block.before, block.info)
    i = 0
    while i < len(lines):
        if not _SEARCH.match(lines[i]):
            text = lines[i].strip().strip("`*: ")
            if text and _PATHLIKE.match(text):
                path = text
            i += 1
            continue
        search: list[str] = []
        replace: list[str] = []
        j = i + 1
        while j < len(lines) and not _DIVIDER.match(lines[j]):
            search.append(lines[j])
            j += 1
        k = j + 1
        while k < len(lines) and not _REPLACE.match(lines[k]):
            replace.append(lines[k])
            k += 1
        complete = k < len(lines)  # an unterminated block is never offered
        out.append(_sr_patch(path, search, replace, root, complete))
        i = k + 1
    return out


def _sr_patch(
    path: str | None, search: list[str], replace: list[str], root: Path, complete: bool
) -> FilePatch:
    if not path:
        return FilePatch("", refused="SEARCH/REPLACE block without a file path")
    body: list[str] = []
    sm = difflib.SequenceMatcher(None, search, replace, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            body.extend(" " + s for s in search[i1:i2])
        else:
            body.extend("-" + s for s in search[i1:i2])
            body.extend("+" + r for r in replace[j1:j2])
    hunk = Hunk("<<<<<<< SEARCH", body, complete=complete, source="search_replace")
    if not search:
        dest = normalise(path, root, must_exist=False)
        if dest.rel is None:
            return FilePatch(
                display_path(path, root), "new", hunks=[hunk], refused=dest.reason, raw_path=path
            )
        if (root / dest.rel).exists():
            return FilePatch(
                dest.rel, "modify", dest.rel, dest.rel, [hunk], raw_path=path,
                refused="empty SEARCH on an existing file (where should it go?)",
            )  # fmt: skip
        return FilePatch(dest.rel, "new", None, dest.rel, [hunk], raw_path=path)
    src = normalise(path, root, must_exist=True)
    if src.rel is None:
        return FilePatch(
            display_path(path, root), "modify", hunks=[hunk], refused=src.reason, raw_path=path
        )
    return FilePatch(src.rel, "modify", src.rel, src.rel, [hunk], raw_path=path)


def _merge(files: list[FilePatch]) -> list[FilePatch]:
    """One FilePatch per modified file: later blocks' hunks follow earlier ones; repeats dropped."""
    out: list[FilePatch] = []
    by_path: dict[str, FilePatch] = {}
    for fp in files:
        prior = by_path.get(fp.path)
        if (
            prior is not None
            and fp.kind == prior.kind == "modify"
            and not (prior.refused or fp.refused)
        ):
            for hunk in fp.hunks:
                if all(h.lines != hunk.lines for h in prior.hunks):
                    prior.hunks.append(hunk)
            continue
        if fp.path and not fp.refused:
            by_path.setdefault(fp.path, fp)
        out.append(fp)
    return out


def extract_changes(text: str, root: Path, *, incomplete: bool = False) -> Patch:
    """Every proposed change in ``text`` as a :class:`Patch`, paths checked against ``root``.

    With ``incomplete=True`` (the stream was cut) the hunk that was still being written when the
    text ends is kept for display but marked ``complete=False`` and never applied.
    """
    root = Path(root)
    lines = unwrap_markdown([ln.rstrip("\r") for ln in text.replace("\r\n", "\n").split("\n")])
    blocks = _split_blocks(lines)
    files: list[FilePatch] = []
    for n, block in enumerate(blocks):
        at_end = n == len(blocks) - 1
        if any(_SEARCH.match(ln) for ln in block.lines):
            found = _search_replace(block, root)
            files.extend(found)
            continue
        lang = (block.info.split() or [""])[0].lower()
        if not (block.fenced and lang in DIFF_INFOS) and not _looks_like_diff(block.lines):
            continue  # an ordinary code block or prose
        parser = _DiffParser(block.lines, fenced=block.fenced)
        parser.parse()
        for meta, hunks in parser.files:
            if not hunks and not {"rename_from", "deleted", "new_mode", "binary"} & meta.keys():
                continue
            files.append(_file_patch(meta, hunks, root))
        cut = (
            incomplete and at_end and (not block.closed or not block.fenced) and parser.ended_at_end
        )
        if cut and parser.files and parser.files[-1][1]:
            parser.files[-1][1][-1].complete = False
    merged = _merge(files)
    for fp in merged:
        if fp.kind != "new" and not fp.refused:
            strip_numbering(fp, root)
    return Patch(merged, incomplete=incomplete)


def unwrap_markdown(lines: list[str]) -> list[str]:
    """The answer without a ``markdown`` fence around all of it (models copy the prompt's own
    example); its closing fence may be missing when the answer was cut."""
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return lines
    m = _FENCE.match(lines[first])
    if not m or (m.group(3).split() or [""])[0].lower() not in WRAPPER_INFOS:
        return lines
    fence = m.group(2)
    body = lines[first + 1 :]
    last = next((i for i in range(len(body) - 1, -1, -1) if body[i].strip()), None)
    if last is not None and body[last].strip() == fence:
        body = body[:last]
    return body


def strip_numbering(fp: FilePatch, root: Path) -> None:
    """Drop a consistent ``NNN| `` prefix from every line of a hunk, when the numbers are the
    file's own: each context and removed line is the file's line of that number, in order.
    Otherwise the hunk is left as written (and will not match)."""
    rel = fp.old_path or fp.path
    file_lines: list[str] | None = None
    for hunk in fp.hunks:
        parsed = [_NUMBERED.match(ln) for ln in hunk.lines]
        if not hunk.lines or not all(parsed):
            continue
        olds = [m for m in parsed if m and m.group(1) != "+"]
        if not olds or not all(m.group(2) for m in olds):
            continue
        numbers = [int(m.group(2)) for m in olds]
        if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            continue
        file_lines = file_lines if file_lines is not None else _file_lines(root, rel)
        if file_lines is None or not all(
            0 < n <= len(file_lines)
            and " ".join(file_lines[n - 1].split()) == " ".join(m.group(3).split())
            for n, m in zip(numbers, olds, strict=True)
        ):
            continue
        hunk.lines = [m.group(1) + m.group(3) for m in parsed if m]
        hunk.old_start = numbers[0]


def _file_lines(root: Path, rel: str) -> list[str] | None:
    """The file's lines (decoded leniently), or None when it cannot be read as a small file."""
    path = root / rel
    try:
        if not path.is_file() or path.stat().st_size > 16_000_000:
            return None
        return path.read_bytes().decode("utf-8", "replace").splitlines()
    except OSError:
        return None
