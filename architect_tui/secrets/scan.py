"""Find the secrets in a text: spans to replace, each with its kind and its whole value.

Hand-written rules rather than detect-secrets, because on our corpus (``bench/bench_secrets.py``)
detect-secrets misses what the issue is about: passwords holding ``@`` or ``/`` in URLs, values
split over concatenated literals, passwords in comments, unquoted ``KEY=value`` lines, and it
flags look-alikes by keyword (``password_title = "HTTP Basic Auth Password"``). It reports a
value per line, not a span, so a multi-line key block cannot be cut precisely either. Its
vendor formats are mirrored in ``formats.py``.

Rules, strongest first (a later rule never overlaps an earlier finding):

1. private key blocks, BEGIN through END (a BEGIN without END: only the key material on that
   line; the base64 lines after it fall to rule 8);
2. known token formats (AWS, GitHub, GitLab, Slack, Stripe, Google, JWT...), anywhere;
3. credentials in any URL: ``scheme://user:password@host``, the whole password up to the last
   ``@`` before the host, whatever it holds;
4. a secret split over implicitly concatenated literals (judged joined; every piece replaced);
5. quoted values under secret-like names (assignments, dict entries, keyword arguments,
   ``getenv("NAME", "default")``), judged by ``values.looks_like_secret``, and the password
   of a user/password pair of literals (``auth=("admin", "...")``, ``smtp.login(u, "...")``);
6. unquoted ``NAME=value`` / ``NAME: value`` lines (env files, YAML, shell ``export``);
7. ``Bearer``/``Basic``/``Token`` credentials, and passwords named in prose or comments;
8. random-looking tokens (base64-like, high entropy) anywhere, unless named like a digest.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from architect_tui.secrets.formats import FORMAT_HINTS, FORMATS, PEM_BEGIN, PEM_END, PEM_MATERIAL
from architect_tui.secrets.values import (
    IDENTIFIER,
    is_digest_name,
    is_placeholder,
    looks_like_password,
    looks_like_secret,
    random_token,
)

#: A private key block longer than this many characters is not believed to have an END.
_MAX_PEM = 20_000


@dataclass(frozen=True, slots=True)
class Finding:
    """``text[start:end]`` is (part of) a secret; ``secret`` is its whole value."""

    start: int
    end: int
    kind: str
    secret: str


# Hostile input runs through these (a file of 20k spaces, a line of 5k URLs): every
# whitespace run and name is possessive (``*+``, Python 3.11) so no pattern backtracks into
# it, annotations and URLs are bounded, and ``bench/bench_secrets.py`` times such texts.
_NAME = r"(?P<name>[A-Za-z_][\w-]*+)"
_QUOTED = r"[rbuRBUfF]{0,2}(?P<q>[\"'])(?P<value>[^\"'\n]*)(?P=q)"
_ASSIGN = re.compile(
    r"(?<![\w-])[\"']?" + _NAME + r"[\"']?\]?"
    r"\s*+(?::\s*+[A-Za-z_][\w\[\], .|]{0,80}?)?"  # an annotation
    r"\s*+(?:=>|:=|=|:)\s*+(?:\(\s*+)?" + _QUOTED
)
#: ``getenv("API_TOKEN", "...")``, ``setdefault("SECRET_KEY", "...")``: a name then its
#: default as a call's first two arguments (a bare ``"a", "b"`` is a list, not a pair).
_PAIR = re.compile(r"\(\s*+[\"']" + _NAME + r"[\"']\s*+,\s*+" + _QUOTED)
_UNQUOTED = re.compile(
    r"^[ \t]*+(?:-[ \t]++)?(?:export[ \t]++|ENV[ \t]++|set[ \t]++)?"
    + _NAME.replace("[\\w-]", "[\\w.-]")
    + r"[ \t]*+(?:=|:)[ \t]*+(?P<value>[^\s'\"#][^\s'\"]*+)[ \t]*+(?:#.*)?$",
    re.MULTILINE,
)
_AUTH = re.compile(r"\b(?:Bearer|Basic|Token|token)[ \t]++(?P<value>[A-Za-z0-9._~+/=-]{8,})")
_MENTION = re.compile(
    r"(?i)(?:password|passwd|pwd|secret|token|api[ _-]?key|passphrase|credential|passcode)"
    r"s?\b(?:[ \t]++[\w-]++){0,3}?[ \t]*+(?:[:=]|\bis\b|\bwas\b)[ \t]*+"
    r"[\"'`]?(?P<value>[^\s'\"`,;)]+)"
)
#: A user and a password as a call's two literals: ``auth=("admin", "...")``,
#: ``HTTPBasicAuth("u", "...")``, ``smtp.login("u@x", "...")``: the second one is judged.
_AUTH_PAIR = re.compile(
    r"(?:\bauth\s*+=\s*+[(\[]|\b(?:HTTPBasicAuth|HTTPDigestAuth|BasicAuth|HTTPProxyAuth)\(|"
    r"\.login\()\s*+[rbuRBUfF]{0,2}([\"'])[^\"'\n]*+\1\s*+,\s*+" + _QUOTED
)
_LITERAL = re.compile(r"[rbuRBUfF]{0,2}([\"'])(?P<value>[^\"'\n]*)\1")
_RUN = re.compile(r"(?:[rbuRBUfF]{0,2}([\"'])[^\"'\n]*+\1(?:\s|#[^\n]*+)*+){2,}")
_RUN_NAME = re.compile(r"[\"']?(?P<name>[A-Za-z_][\w-]*+)[\"']?\]?\s*+(?:=|:)\s*+(?:\(\s*+)?$")
_TOKEN = re.compile(r"[A-Za-z0-9+/=_-]{20,}")  # greedy: always a whole run
_PREFIX_NAME = re.compile(
    r"(?<![\w-])(?P<name>[A-Za-z_][\w-]*+)[\"']?\]?\s*+[:=,(]\s*+[rbuf]?[\"']?$"
)
#: Every format hint in a text, overlapping ones too (a lookahead consumes nothing).
_HINTS = re.compile(
    "(?=(" + "|".join(sorted({re.escape(h) for hs in FORMAT_HINTS.values() for h in hs})) + "))"
)
_URL_START = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://")
_URL_TOKEN = re.compile(r"[^\s'\"`<>]{0,2048}")  # no URL with credentials is longer
_HOST = re.compile(r"[\w.\-\[\]%~]+(?::\d+)?(?:[/?#,;]|$)")


def find_secrets(text: str, filename: str = "") -> list[Finding]:
    """Every secret span in ``text``, in order, none overlapping.

    ``filename`` tells Python from the rest: in Python, an unquoted ``NAME = value`` is code
    (a variable, a call), in an env file or YAML it is the value itself.
    """
    python = filename.endswith((".py", ".pyi")) or not filename
    found: list[Finding] = []
    for rule in (_pem, _formats, _url_credentials, _split_literals, _assignments):
        _add(found, rule(text))
    _add(found, _unquoted(text, python))
    for rule in (_auth_headers, _mentions, _random_tokens):
        _add(found, rule(text))
    return found


def _add(found: list[Finding], new: list[Finding]) -> None:
    """Keep the findings of ``new`` that overlap nothing already in ``found`` (sorted)."""
    for f in sorted(new, key=lambda f: f.start):
        if f.end <= f.start:
            continue
        i = bisect.bisect_left(found, f.start, key=lambda g: g.start)
        if i > 0 and found[i - 1].end > f.start:
            continue
        if i < len(found) and found[i].start < f.end:
            continue
        found.insert(i, f)


def _pem(text: str) -> list[Finding]:
    out: list[Finding] = []
    for begin in PEM_BEGIN.finditer(text):
        if out and begin.start() < out[-1].end:
            continue
        end = PEM_END.search(text, begin.end(), begin.end() + _MAX_PEM)
        other = PEM_BEGIN.search(text, begin.end(), end.start() if end else begin.end())
        if end is not None and other is None:
            out.append(
                Finding(begin.start(), end.end(), "private_key", text[begin.start() : end.end()])
            )
            continue
        # No END: only the key material on this line (never the following lines).
        line_end = text.find("\n", begin.end())
        line_end = len(text) if line_end < 0 else line_end
        material = PEM_MATERIAL.match(text, begin.end(), line_end)
        if material and material.end() > begin.end():
            out.append(Finding(begin.start(), material.end(), "private_key", material.group(0)))
    return out


def _formats(text: str) -> list[Finding]:
    out: list[Finding] = []
    present = set(_HINTS.findall(text))  # one scan for every format's literal prefix
    for kind, pattern in FORMATS:
        if present.isdisjoint(FORMAT_HINTS[kind]):
            continue
        for m in pattern.finditer(text):
            group = "secret" if "secret" in pattern.groupindex else 0
            out.append(Finding(m.start(group), m.end(group), kind, m.group(group)))
    return out


def _url_credentials(text: str) -> list[Finding]:
    out: list[Finding] = []
    for m in _URL_START.finditer(text):
        token = _URL_TOKEN.match(text, m.end()).group(0)
        at = _host_at(token)
        if at < 0:
            continue
        user, sep, password = token[:at].partition(":")
        if not sep or any(c in user for c in "/?#") or not password:
            continue
        if re.fullmatch(r"\d+(?:[/?#].*)?", password):  # host:port/path, not user:password
            continue
        if is_placeholder(password) or password == user:
            continue
        start = m.end() + len(user) + 1
        out.append(Finding(start, start + len(password), "url_credentials", password))
    return out


def _host_at(token: str) -> int:
    """The ``@`` that ends the user info: the last one followed by a host, or -1."""
    at = token.rfind("@")
    while at > 0:
        if _HOST.match(token, at + 1):
            return at
        at = token.rfind("@", 0, at)
    return -1


def _split_literals(text: str) -> list[Finding]:
    out: list[Finding] = []
    for run in _RUN.finditer(text):
        pieces = list(_LITERAL.finditer(text, run.start(), run.end()))
        if len(pieces) < 2:
            continue
        joined = "".join(p["value"] for p in pieces)
        line_start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, run.start()))) + 1
        named = _RUN_NAME.search(text, line_start, run.start())
        kind = next((k for k, pat in FORMATS if pat.search(joined)), None)
        if kind is None:
            name = named["name"] if named else None
            if not looks_like_secret(joined, name):
                continue
            kind = "split_literal"
        for p in pieces:
            out.append(Finding(p.start("value"), p.end("value"), kind, joined))
    return out


def _assignments(text: str) -> list[Finding]:
    out: list[Finding] = []
    for m in itertools.chain(_ASSIGN.finditer(text), _PAIR.finditer(text)):
        value = m["value"]
        if looks_like_secret(value, m["name"]) and not _hex_digest_named(value, m["name"]):
            out.append(Finding(m.start("value"), m.end("value"), "assignment", value))
    for m in _AUTH_PAIR.finditer(text):
        if looks_like_secret(m["value"], "password"):
            out.append(Finding(m.start("value"), m.end("value"), "basic_auth", m["value"]))
    return out


def _hex_digest_named(value: str, name: str) -> bool:
    """A hex digest under a hash-like name is not a secret even if the name also says key."""
    return is_digest_name(name) and bool(re.fullmatch(r"[0-9a-fA-F]{16,}", value))


def _unquoted(text: str, python: bool) -> list[Finding]:
    out: list[Finding] = []
    for m in _UNQUOTED.finditer(text):
        value = m["value"].rstrip(",;")
        if python and (
            IDENTIFIER.fullmatch(value) or re.search(r"[()\[\]{}]", value) or value.isdigit()
        ):
            continue  # code: a variable, an attribute, a call, a number
        if looks_like_secret(value, m["name"]):
            out.append(Finding(m.start("value"), m.start("value") + len(value), "env_value", value))
    return out


def _auth_headers(text: str) -> list[Finding]:
    out: list[Finding] = []
    for m in _AUTH.finditer(text):
        value = m["value"]
        if looks_like_password(value) or random_token(value):
            out.append(Finding(m.start("value"), m.end("value"), "authorization", value))
    return out


def _mentions(text: str) -> list[Finding]:
    out: list[Finding] = []
    for m in _MENTION.finditer(text):
        value = m["value"].rstrip(".")
        if looks_like_password(value):
            out.append(Finding(m.start("value"), m.start("value") + len(value), "mention", value))
    return out


def _random_tokens(text: str) -> list[Finding]:
    out: list[Finding] = []
    for m in _TOKEN.finditer(text):
        value = m.group(0)
        if not random_token(value):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        prefix = text[line_start : m.start()]
        if prefix.endswith(("base64,", "sha256-", "sha384-", "sha512-")):
            continue
        named = _PREFIX_NAME.search(prefix)
        if named and is_digest_name(named["name"]):
            continue
        out.append(Finding(m.start(), m.end(), "high_entropy", value))
    return out
