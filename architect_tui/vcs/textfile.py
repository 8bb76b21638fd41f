"""Reading and writing text the way the file already is: encoding, BOM, line endings, final newline.

A file is decoded as Python decodes source (a UTF-8 BOM, else a PEP 263 coding cookie for ``.py``
files, else UTF-8) and remembered as a :class:`TextFile`: its lines without endings, each line's own
ending, the dominant ending for new lines, and whether the last line ends with a newline.
:meth:`TextFile.encode` turns edited lines back into bytes in the same shape, so a one-line change
produces a one-line byte difference.
"""

from __future__ import annotations

import codecs
import io
import tokenize
from dataclasses import dataclass, field

BOM = codecs.BOM_UTF8


class DecodeRefused(ValueError):
    """The bytes cannot be decoded (binary file, wrong cookie): the file is never rewritten."""


@dataclass(slots=True)
class TextFile:
    """A decoded text file, ready to edit line by line and encode back unchanged in shape."""

    lines: list[str]
    endings: list[str]  # one per line: "\n", "\r\n", "\r" or "" (last line without newline)
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"  # dominant ending, used for lines we add
    final_newline: bool = True
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join(line + end for line, end in zip(self.lines, self.endings, strict=True))

    def with_lines(self, lines: list[str], endings: list[str] | None = None) -> TextFile:
        """A copy holding ``lines``; missing endings get the dominant one, the last follows the file."""
        ends = list(endings) if endings is not None else [self.newline] * len(lines)
        ends = [e or self.newline for e in ends]
        if lines:
            ends[-1] = (ends[-1] or self.newline) if self.final_newline else ""
        return TextFile(
            lines=list(lines),
            endings=ends,
            encoding=self.encoding,
            bom=self.bom,
            newline=self.newline,
            final_newline=self.final_newline,
        )

    def encode(self) -> bytes:
        """Bytes in the original encoding; raises UnicodeEncodeError if a new char cannot fit."""
        data = self.text.encode(self.encoding)
        return BOM + data if self.bom else data


def detect_encoding(data: bytes, *, python: bool) -> tuple[str, bool]:
    """(encoding, has_bom) the way the interpreter reads source; UTF-8 for non-Python files."""
    if data.startswith(BOM):
        return "utf-8", True
    if python:
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as exc:
            raise DecodeRefused(f"bad coding cookie: {exc}") from exc
        encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        return encoding, False
    return "utf-8", False


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """Lines and their endings; only \\n, \\r\\n and \\r end a line (not form feeds etc.)."""
    lines: list[str] = []
    endings: list[str] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" or ch == "\r":
            end = "\r\n" if ch == "\r" and i + 1 < n and text[i + 1] == "\n" else ch
            lines.append(text[start:i])
            endings.append(end)
            i += len(end)
            start = i
        else:
            i += 1
    if start < n:
        lines.append(text[start:])
        endings.append("")
    return lines, endings


def decode(data: bytes, *, python: bool) -> TextFile:
    """Decode file bytes into a :class:`TextFile`; raises :class:`DecodeRefused` when impossible."""
    encoding, bom = detect_encoding(data, python=python)
    body = data[len(BOM) :] if bom else data
    try:
        text = body.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeRefused(f"cannot decode as {encoding}: {exc}") from exc
    if "\x00" in text:
        raise DecodeRefused("looks like a binary file (NUL bytes)")
    lines, endings = split_lines(text)
    counts = {e: endings.count(e) for e in ("\n", "\r\n", "\r")}
    newline = max(counts, key=lambda e: (counts[e], e == "\n")) if any(counts.values()) else "\n"
    final_newline = bool(endings) and endings[-1] != ""
    if not lines:
        final_newline = True  # an empty file: new content gets a normal final newline
    return TextFile(lines, endings, encoding, bom, newline, final_newline)


def new_text_file(lines: list[str], *, final_newline: bool = True) -> TextFile:
    """A new UTF-8, LF file holding ``lines``."""
    tf = TextFile([], [], final_newline=final_newline)
    return tf.with_lines(lines)
