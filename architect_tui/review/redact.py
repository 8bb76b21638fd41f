"""Keep secrets out of what is sent to the model, and out of what is written back.

Two layers, both decided in ``architect_tui.secrets`` (shared with the map cache):

- Withheld files (env files of every spelling, keys, credentials, Flask's instance config) are
  never read into the context, and selecting one sends nothing: :func:`is_secret_file`.
- Inside what is sent, each secret span found by ``secrets.find_secrets`` (judged by the value
  and its context, not the name alone) becomes a ``«REDACTED:N»`` placeholder through a
  :class:`Redactor`, which remembers where each one was.

The placeholder is distinctive on purpose: a proposed change that contains one, or edits a line
that had one, would write the placeholder over the user's real secret, so
:func:`flag_redacted_changes` names those changes and the patch layer refuses them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from architect_tui.review.model import Redaction
from architect_tui.secrets import PLACEHOLDER_RE, find_secrets, is_withheld, placeholder

__all__ = ["PLACEHOLDER_RE", "Redactor", "flag_redacted_changes", "is_secret_file"]


def is_secret_file(path: str) -> bool:
    """True for files that must never be sent, whatever their content."""
    return is_withheld(path)


@dataclass(slots=True)
class Redactor:
    """Replaces likely secrets with numbered placeholders, one number per distinct secret.

    One redactor serves a whole request, so the same secret seen in two pieces gets the same
    placeholder, and ``redactions`` lists every (file, line) that had one. A secret spanning
    lines (a private key block) becomes one placeholder followed by as many newlines as it had,
    so every line keeps its number.
    """

    redactions: list[Redaction] = field(default_factory=list)
    _numbers: dict[str, int] = field(default_factory=dict)
    _seen: set[tuple[str, int, str]] = field(default_factory=set)

    @property
    def count(self) -> int:
        """How many distinct secrets were replaced."""
        return len(self._numbers)

    def redact(
        self, text: str, file: str, first_line: int = 1, *, noted: set[int] | None = None
    ) -> str:
        """Return ``text`` with secrets replaced; ``first_line`` numbers its first line.

        ``noted``: only these line numbers are listed in ``redactions`` (a diff's old side is
        redacted whole for context, but only its removed lines are its own).
        """
        out: list[str] = []
        done = 0
        lineno = first_line
        for found in find_secrets(text, file):
            out.append(text[done : found.start])
            lineno += text.count("\n", done, found.start)
            spanned = text.count("\n", found.start, found.end)
            number = self._numbers.setdefault(found.secret, len(self._numbers) + 1)
            mark = placeholder(number)
            for line in range(lineno, lineno + spanned + 1):  # a key block: all its lines
                if noted is None or line in noted:
                    self._note(file, line, mark, found.kind)
            out.append(mark + "\n" * spanned)
            lineno += spanned
            done = found.end
        out.append(text[done:])
        return "".join(out)

    def redact_generated(self, text: str) -> str:
        """Text built from the map rather than read from a file (the project overview, route
        facts, hints): a rule like ``/bot<token>/hook`` holds the secret its code does.
        Redacted as code; its redactions are listed under no file (no change can touch it)."""
        return self.redact(text, "")

    def redact_diff(self, diff: str, path: str, old_path: str | None = None) -> str:
        """A unified diff with each hunk's sides redacted whole, not line by line.

        A secret split over lines (a key block, concatenated literals, a name on the line
        above) is only seen in its context: the new side (context and added lines) and the old
        side (context and removed lines) are each redacted as one text, numbered from the
        hunk's start, then put back in diff order. Context lines are sent and listed from the
        new side, removed lines from the old. Hunks are delimited by their header's counts.
        """
        out: list[str] = []
        lines = diff.splitlines(keepends=True)
        old_path = old_path or path
        i = 0
        while i < len(lines):
            m = _HUNK.match(lines[i])
            if m is None:  # a file header: a diff of several files names each one
                if lines[i].startswith(("+++ ", "--- ")):
                    named = _header_path(lines[i])
                    if named and lines[i][0] == "+":
                        path = named
                    elif named:
                        old_path = named
                out.append(lines[i])
                i += 1
                continue
            out.append(self._redact_header(lines[i], path, m))
            i += 1
            old_left = int(m.group(2) or 1)
            new_left = int(m.group(4) or 1)
            hunk: list[str] = []
            while i < len(lines) and (old_left > 0 or new_left > 0 or lines[i][:1] == "\\"):
                tag = lines[i][:1]
                if tag not in ("+", "-", " ", "\\"):
                    break
                old_left -= tag in (" ", "-")
                new_left -= tag in (" ", "+")
                hunk.append(lines[i])
                i += 1
            out.extend(self._redact_hunk(hunk, path, old_path, int(m.group(1)), int(m.group(3))))
        return "".join(out)

    def _redact_header(self, line: str, path: str, m: re.Match[str]) -> str:
        """``@@ -1,3 +1,3 @@ SECRET = "..."``: git's function context can hold code too."""
        return line[: m.end()] + self.redact(line[m.end() :], path, int(m.group(3)))

    def _redact_hunk(
        self, hunk: list[str], path: str, old_path: str, old_start: int, new_start: int
    ) -> list[str]:
        tags = [line[:1] for line in hunk]
        texts = [line[1:] for line in hunk]
        new_side = [i for i, tag in enumerate(tags) if tag in (" ", "+")]
        old_side = [i for i, tag in enumerate(tags) if tag in (" ", "-")]
        removed = {old_start + n for n, i in enumerate(old_side) if tags[i] == "-"}
        result = list(texts)
        for side, file, start, noted, mine in (
            (new_side, path, new_start, None, (" ", "+")),
            (old_side, old_path, old_start, removed, ("-",)),
        ):
            if not side:
                continue
            joined = "".join(texts[i] for i in side)
            redacted = self.redact(joined, file, start, noted=noted).splitlines(keepends=True)
            if len(redacted) != len(side):  # never expected; never send unredacted text
                redacted = [self.redact(texts[i], file, start + n) for n, i in enumerate(side)]
            for i, text in zip(side, redacted, strict=True):
                if tags[i] in mine:
                    result[i] = text
        return [tag + text for tag, text in zip(tags, result, strict=True)]

    def _note(self, file: str, line: int, mark: str, kind: str) -> None:
        key = (file, line, mark)
        if key not in self._seen:
            self._seen.add(key)
            self.redactions.append(Redaction(mark, file, line, kind))


def _header_path(line: str) -> str | None:
    """``+++ b/shop/config.py`` -> ``shop/config.py``; None for ``/dev/null``."""
    raw = line[4:].rstrip("\r\n").split("\t")[0].strip()
    if raw == "/dev/null":
        return None
    return raw[2:] if raw.startswith(("a/", "b/")) else raw


def redacted_lines(redactions: list[Redaction]) -> dict[str, set[int]]:
    """file -> the 1-based lines that had a secret replaced."""
    lines: dict[str, set[int]] = {}
    for item in redactions:
        lines.setdefault(item.file, set()).add(item.line)
    return lines


_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def flag_redacted_changes(diff_text: str, redactions: list[Redaction]) -> list[str]:
    """Warnings for proposed changes that would write a placeholder or edit a redacted line.

    Reads the unified diff loosely (the patch layer does the strict parsing at apply time):
    a ``+`` line with a placeholder, or a ``-`` line at an old-file line number that was
    redacted, is flagged. Context lines holding a placeholder are flagged too: they can never
    match the real file, so the hunk is wrong either way.
    """
    warnings: list[str] = []
    by_file = redacted_lines(redactions)
    current: str | None = None
    old_line = 0
    for raw in diff_text.splitlines():
        if raw.startswith("--- "):
            continue
        if raw.startswith("+++ "):
            path = raw[4:].strip().split("\t")[0]
            current = path[2:] if path.startswith(("a/", "b/")) else path
            continue
        m = _HUNK.match(raw)
        if m:
            old_line = int(m.group(1))
            continue
        if current is None or not raw:
            continue
        tag, body = raw[0], raw[1:]
        if PLACEHOLDER_RE.search(body):
            verb = "writes" if tag == "+" else "relies on"
            warnings.append(
                f"{current}: a proposed change {verb} a redaction placeholder; it would overwrite "
                "a secret and is not offered for apply"
            )
        elif tag == "-" and old_line in by_file.get(current, set()):
            warnings.append(
                f"{current}:{old_line}: a proposed change edits a line whose secret was redacted; "
                "edit it by hand"
            )
        if tag in " -":
            old_line += 1
    return list(dict.fromkeys(warnings))
