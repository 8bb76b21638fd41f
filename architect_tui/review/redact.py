"""Keep secrets out of what is sent to the model, and out of what is written back.

Two layers:

- Files that look like secrets (``.env*``, ``*.pem``, ``*.key``, ``id_rsa``, credentials files)
  are never read into the context: :func:`is_secret_file`.
- Inside code, likely secrets (string literals assigned to names like ``SECRET_KEY`` or
  ``PASSWORD``, credentials in connection strings, well-known key shapes) are replaced with
  ``«REDACTED:N»`` placeholders by a :class:`Redactor`, which remembers where each one was.

The placeholder is distinctive on purpose: a proposed change that contains one, or edits a line
that had one, would write the placeholder over the user's real secret, so
:func:`flag_redacted_changes` names those changes and the patch layer refuses them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from architect_tui.review.model import Redaction

PLACEHOLDER_RE = re.compile(r"«REDACTED:\d+»")

_SECRET_NAMES = re.compile(
    r"^\.env(\..*)?$|\.(pem|key|p12|pfx|jks|keystore|asc|gpg)$|^id_(rsa|dsa|ecdsa|ed25519)(\.pub)?$"
    r"|^(credentials|secrets?)(\.(json|ya?ml|toml|ini|cfg|txt))?$|^\.(netrc|pgpass|htpasswd|npmrc|pypirc)$"
    r"|^service[-_]?account.*\.json$",
    re.IGNORECASE,
)

# NAME = "literal" (also NAME: str = '...', "NAME": "...", NAME='...' in calls/dicts).
_SECRETISH = r"[A-Za-z0-9_]*(?:SECRET|PASSWORD|PASSWD|PWD|TOKEN|API_?KEY|APIKEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|AUTH_?KEY|SALT|DSN)[A-Za-z0-9_]*"
_ASSIGN = re.compile(
    r"""(?P<lead>["']?\b(?P<name>"""
    + _SECRETISH
    + r""")\b["']?\]?\s*(?::\s*[A-Za-z_][\w\[\], .|]*)?\s*[:=]\s*[rbuRBU]?)(?P<q>["'])(?P<value>[^"'\n]{4,})(?P=q)""",
    re.IGNORECASE,
)
# scheme://user:password@host -> the password only.
_URL_CREDS = re.compile(
    r"(?P<lead>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@'\"]*:)(?P<value>[^\s@/'\"]+)(?=@)"
)
_KEY_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("aws_key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("anthropic_key", re.compile(r"\bsk-ant-[A-Za-z0-9_-]{8,}")),
    ("openai_key", re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}")),
    (
        "github_token",
        re.compile(r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}\b|\bgithub_pat_[A-Za-z0-9_]{22,}"),
    ),
    ("slack_token", re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}")),
    ("stripe_key", re.compile(r"\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}")),
    ("google_key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")),
)
_PEM_BEGIN = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----")
_PEM_END = re.compile(r"-----END [A-Z ]*PRIVATE KEY( BLOCK)?-----")
# Values that are obviously not secrets: leave them readable for the reviewer.
_HARMLESS = re.compile(
    r"^(?:change-?me|changeme|dev|development|test|testing|secret|password|example|xxx+|\*+|none|null|"
    r"your[-_ ].*|<.*>|\{.*\}|\$\{.*\}|%\(.*\)s|os\.environ.*)$",
    re.IGNORECASE,
)


def is_secret_file(path: str) -> bool:
    """True for files that must never be sent, whatever their content."""
    return bool(_SECRET_NAMES.search(PurePosixPath(path).name))


@dataclass(slots=True)
class Redactor:
    """Replaces likely secrets with numbered placeholders, one number per distinct secret.

    One redactor serves a whole request, so the same secret seen in two pieces gets the same
    placeholder, and ``redactions`` lists every (file, line) that had one.
    """

    redactions: list[Redaction] = field(default_factory=list)
    _numbers: dict[str, int] = field(default_factory=dict)
    _seen: set[tuple[str, int, str]] = field(default_factory=set)

    @property
    def count(self) -> int:
        """How many distinct secrets were replaced."""
        return len(self._numbers)

    def redact(self, text: str, file: str, first_line: int = 1) -> str:
        """Return ``text`` with secrets replaced; ``first_line`` numbers its first line."""
        out: list[str] = []
        in_pem = False
        pem_placeholder = ""
        for offset, line in enumerate(text.splitlines(keepends=True)):
            lineno = first_line + offset
            newline = "\n" if line.endswith("\n") else ""
            if in_pem:  # inside a private key block: drop the line, keep the numbering
                in_pem = not _PEM_END.search(line)
                self._note(file, lineno, pem_placeholder)
                out.append(newline)
                continue
            begin = _PEM_BEGIN.search(line)
            if begin:
                in_pem = not _PEM_END.search(line, begin.end())
                block = line[begin.start() :].rstrip("\n")
                pem_placeholder = self._placeholder(block, file, lineno, "private_key")
                out.append(line[: begin.start()] + pem_placeholder + newline)
                continue
            out.append(self._redact_line(line, file, lineno))
        return "".join(out)

    def _redact_line(self, line: str, file: str, lineno: int) -> str:
        def assignment(m: re.Match[str]) -> str:
            value = m["value"]
            if _HARMLESS.match(value.strip()) or PLACEHOLDER_RE.fullmatch(value):
                return m.group(0)
            return (
                f"{m['lead']}{m['q']}{self._placeholder(value, file, lineno, 'assignment')}{m['q']}"
            )

        def url(m: re.Match[str]) -> str:
            if _HARMLESS.match(m["value"]) or PLACEHOLDER_RE.search(m["value"]):
                return m.group(0)
            return m["lead"] + self._placeholder(m["value"], file, lineno, "url_credentials")

        # Well-known key shapes first, so the kind names what the secret is.
        for kind, pattern in _KEY_SHAPES:
            line = pattern.sub(
                lambda m, k=kind: self._placeholder(m.group(0), file, lineno, k), line
            )
        line = _ASSIGN.sub(assignment, line)
        line = _URL_CREDS.sub(url, line)
        return line

    def _placeholder(self, secret: str, file: str, line: int, kind: str) -> str:
        number = self._numbers.setdefault(secret, len(self._numbers) + 1)
        placeholder = f"«REDACTED:{number}»"
        key = (file, line, placeholder)
        if key not in self._seen:
            self._seen.add(key)
            self.redactions.append(Redaction(placeholder, file, line, kind))
        return placeholder

    def _note(self, file: str, line: int, placeholder: str) -> None:
        """A line inside a private key block: its content is dropped, its place remembered."""
        key = (file, line, placeholder)
        if key not in self._seen:
            self._seen.add(key)
            self.redactions.append(Redaction(placeholder, file, line, "private_key"))


def redacted_lines(redactions: list[Redaction]) -> dict[str, set[int]]:
    """file -> the 1-based lines that had a secret replaced."""
    lines: dict[str, set[int]] = {}
    for item in redactions:
        lines.setdefault(item.file, set()).add(item.line)
    return lines


_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")


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
