"""Is this value a secret? Judged from the value itself and the name it is stored under.

A secret-like name (``SECRET_KEY``, ``db_password``, ``X-Api-Token``) only makes a value a
candidate: the value must also look like one. What real code keeps under such names and is
not secret: endpoint names and field names (``RESET_PASSWORD = "reset_password"``), tables of
environment variable names (``SECRET_KEY = "SECRET_KEY"``), labels and prose (``password_title =
"HTTP Basic Auth Password"``), mail subject templates, masks (``"--------"``), URLs
(``access_token_url``), paths (a Kubernetes ``token_path``) and obvious placeholders
(``"changeme"``, ``"<your key>"``, ``"${DB_PASSWORD}"``). A name ending in such a qualifier
(``_URL``, ``_PATH``, ``_TITLE``...) is not a secret name at all.

Without a name, only high-entropy tokens count (random-looking base64 of 20+ characters), never
hex digests, SRI hashes or long identifiers.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

from architect_tui.secrets.marker import PLACEHOLDER_RE


def _words(text: str) -> frozenset[str]:
    """A word list kept as one wrapped string: easier to read and extend than a literal set."""
    return frozenset(text.split())


_SECRET_WORDS = _words(
    "apikey auth authorization bearer credential credentials creds dsn pass passcode passphrase "
    "passwd password passwrd pin pincode privatekey pw pwd salt secret secrets signature token "
    "tokens"
)
#: Two-word names that are secret while their words alone are not (``ACCESS_KEY``, ``api_key``).
_SECRET_PAIRS = frozenset(
    {
        ("api", "key"),
        ("access", "key"),
        ("private", "key"),
        ("secret", "key"),
        ("signing", "key"),
        ("master", "key"),
        ("encryption", "key"),
        ("client", "secret"),
        ("app", "key"),
        ("license", "key"),
        ("session", "key"),
        ("account", "key"),
        ("sk", "live"),
        ("sas", "token"),
    }
)
#: A last word that makes the name describe a secret rather than hold one.
_QUALIFIERS = _words(
    "age alg algorithm algorithms attempts changed class col column confirm confirmation cost "
    "count days delta description dir disabled doc docs enabled endpoint env error errors "
    "example expiration expires expiry field fields file filename form format hash_method "
    "header headers help hint hours icon id ids iterations kind label len length lifetime "
    "location mask max message method methods min minutes mode model msg name names param "
    "parameter path pattern placeholder policy prefix regex required reset retries rounds route "
    "rules scope scopes seconds size status strength style subject suffix table template text "
    "timeout title ttl type types uri url urls validator var version view widget encoding "
    "charset scheme backend provider manager factory handler loader module plugin callback "
    "hook func function fn cls store storage cache client service helper mixin serializer "
    "generator chars characters alphabet"
)
#: A first word that makes the name a count or a limit (``max_tokens``, ``num_passwords``).
_COUNTERS = _words("max min num n count total limit")
#: Names under which a single lower-case word is a (weak) password, not a label or a mode.
_PASSWORD_WORDS = _words("password passwd passwrd pwd pw pass passphrase passcode pin pincode")
#: Values that are plainly not secrets, under any name.
_PLACEHOLDER_WORDS = _words(
    "admin api-key api_key apikey basic bearer change-me change-this change_me changeme "
    "changethis default dev development dummy empty example fake false fixme guest hidden key "
    "masked mysecret mysql nil none not-set notset null pass passwd password placeholder "
    "postgres redacted root sample secret secret-key secret_key super-secret supersecret test "
    "testing tests todo token true unset user username your-secret-key tiger foo bar foobar baz"
)
_NAME_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_TEMPLATE = re.compile(r"\{[^}]*\}|%\(\w+\)[sdr]|%[sdr]\b|\$\{?\w+|<[^>]+>|\{\{|\}\}")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_WORDY_IDENTIFIER = re.compile(
    r"_*[A-Za-z]+(?:[_.:-][A-Za-z]+)+|[A-Z][A-Z]+|[a-z]+"
    r"|[A-Z]?[a-z]{2,}(?:[A-Z][a-z]{2,})+"  # WorkloadIdentityError, camelCase
)
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://|^www\.|^mailto:")
_PATH = re.compile(
    r"^(?:~|\.{1,2})?(?:/[\w.-]+){2,}/?$|^[A-Za-z]:\\"  # /two/segments, ~/.., C:\\
    r"|^(?:~|\.{1,2})?/[A-Za-z_.-]+$"  # /static, ./config: one word
    r"|^[\w-]+(?:/[\w.-]+)*/[\w-]+\.[a-z]{1,5}$"  # dir/file.ext
    r"|^[a-z_-]+(?:/[a-z_-]+)+/?$"  # words/and/words
)
_HOST_PORT = re.compile(r"[\w.-]+:(?:\d+|port)(?:[/?]\S*)?")
#: A regular expression, not a value: a character class, an escape, anchors, a group flag.
_REGEX = re.compile(r"\[[^\]]+\][*+?{]|\\[dwsbDWSB]|^\^.*\$$|\(\?[:=!P<]")
_REPEATED = re.compile(r"^(.)\1*$|^[\W_]+$")
_HEX = re.compile(r"[0-9a-fA-F]+")
#: Words of 3+ letters and runs of 4+ digits: random base64 has few, identifiers and dated
#: names (``BetaTool20250919Param``, ``managed-settings-2026-10-06``) are made of them.
_WORDS_IN = re.compile(r"[A-Z]?[a-z]{3,}|[A-Z]{3,}(?![a-z])|\d{4,}")
_PATH_WORD = re.compile(r"[A-Za-z_.]{3,}|[a-z]{2,}")
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9+/=_\-]+")
#: Names under which a random-looking value is a digest or an id, not a secret.
_DIGEST_NAMES = re.compile(
    r"revision|hash|sha\d*|md5|checksum|digest|etag|uuid|guid|integrity|fingerprint|commit|"
    r"version|color|colour|nonce_len|public|(?:^|[_-])ids?$|Ids?$",
    re.IGNORECASE,
)


def name_words(name: str) -> list[str]:
    """``X-Api-Key`` -> ``["x", "api", "key"]``; ``dbPassword`` -> ``["db", "password"]``."""
    return [w.lower() for w in _NAME_WORDS.findall(name)]


def is_secret_name(name: str) -> bool:
    """A name that holds a secret, not one that describes it (``token_url`` is not)."""
    words = name_words(name)
    if not words or words[-1] in _QUALIFIERS or words[0] in _COUNTERS:
        return False
    if any(w in _SECRET_WORDS for w in words):
        return True
    if any(pair in _SECRET_PAIRS for pair in itertools.pairwise(words)):
        return True
    joined = "".join(words)
    return any(
        s in joined for s in ("password", "passwd", "secret", "apikey", "accesskey", "privatekey")
    )


def is_digest_name(name: str) -> bool:
    """Names of hashes, ids and versions: a random-looking value there is not a secret."""
    return bool(_DIGEST_NAMES.search(name))


def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    if not value:
        return 0.0
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def is_placeholder(value: str) -> bool:
    """Obviously not a secret: empty, a mask, a template, an example word, ``<your key>``."""
    v = value.strip().strip("'\"")
    if len(v) < 4 or _REPEATED.match(v) or PLACEHOLDER_RE.search(v):
        return True
    low = v.lower()
    if low in _PLACEHOLDER_WORDS or low.startswith(("your", "my-", "insert", "put-", "enter")):
        return True
    if "xxxx" in low or "****" in low:
        return True
    elided = v.replace("…", "...")
    if "..." in elided and (
        elided.startswith("...") or elided.endswith("...") or len(elided) - 3 < 12
    ):
        return True  # "sk_live_...", "abc...xyz": an elided example, not a value
    return bool(_TEMPLATE.search(v))


def looks_like_secret(value: str, name: str | None = None) -> bool:
    """``value`` (a string's content) stored under ``name`` (None: no name seen) is a secret.

    With a secret-like name, any value that is not a placeholder, an identifier, prose, a URL or
    a path counts (weak passwords too: ``"hunter22"``). Without one, only random-looking tokens.
    """
    v = value.strip()
    if is_placeholder(v) or _URL.match(v):
        return False
    if name is not None and is_secret_name(name):  # a PIN in quotes is a secret too
        if _HOST_PORT.fullmatch(v) or _REGEX.search(v):  # "db:1521/orcl", "[a-z]+"
            return False
        if _PATH.match(v) and not random_token(v.replace("/", "")):
            return False
        if " " in v and len(v.split()) >= 2:  # prose, a label, a subject line
            return random_token(v.replace(" ", "")) and len(v.split()) <= 2
        if _WORDY_IDENTIFIER.fullmatch(v) and not random_token(v):
            # reset_password, SECRET_KEY, auth.login, auth-token, Basic, RetryStatus: names,
            # not values; a single lower-case word under a password name (``"hunterprod"``)
            # is kept as a weak password.
            password = not _PASSWORD_WORDS.isdisjoint(name_words(name))
            return (
                password and v.isalpha() and v.islower() and len(v) >= 6 and v not in name.lower()
            )
        return True
    if (name is not None and is_digest_name(name)) or _NUMBER.fullmatch(v):
        return False
    return random_token(v)


def random_token(v: str) -> bool:
    """A random-looking token: 20+ chars of base64/URL-safe alphabet, mixed classes, high entropy.

    Hex is left out on purpose (git SHAs, digests and ids are hex); so are SRI hashes
    (``sha384-...``) and long identifiers (``UserProfileSerializerV2``: few class changes).
    """
    if len(v) < 20 or not _TOKEN_CHARS.fullmatch(v) or _HEX.fullmatch(v):
        return False
    if "/" in v and any(_PATH_WORD.fullmatch(part) for part in v.split("/")):
        # a path or a URL's path: judge its segments, not the whole (a commit SHA in a
        # GitHub link is hex; "encode/httpx/blob" is words)
        return any(random_token(part) for part in v.split("/"))
    wordy = sum(len(w) for w in _WORDS_IN.findall(v))
    if wordy * 2 >= len(v):  # mostly words and years: an identifier or a version string
        return False
    if v.lower().startswith(("sha256-", "sha384-", "sha512-")):
        return False
    digits = sum(map(str.isdigit, v))
    if digits < 2:
        return False
    upper = sum(map(str.isupper, v))
    lower = sum(map(str.islower, v))
    if digits < 2 or (upper == 0 and lower == 0):
        return False
    if (upper == 0 or lower == 0) and digits < len(v) // 6:  # one case: needs more digits
        return False
    switches = sum(_klass(a) != _klass(b) for a, b in itertools.pairwise(v))
    return switches >= 0.3 * len(v) and entropy(v) >= 3.7


def _klass(c: str) -> int:
    if c.isdigit():
        return 0
    if c.isupper():
        return 1
    if c.islower():
        return 2
    return 3


_BRACKETS = re.compile(r"[()\[\]{}<>]")


def looks_like_password(value: str) -> bool:
    """Stricter, for a value named only in prose (``# prod db password: Hunter2-Prod-Pass``)
    or after ``Bearer``: letters and digits mixed (or mixed case with symbols), no code."""
    v = value.strip().rstrip(".")
    if len(v) < 6 or is_placeholder(v) or _URL.match(v) or _BRACKETS.search(v):
        return False
    if IDENTIFIER.fullmatch(v) and not any(c.isdigit() for c in v):
        return False
    has_digit = any(c.isdigit() for c in v)
    has_alpha = any(c.isalpha() for c in v)
    mixed_case = any(c.isupper() for c in v) and any(c.islower() for c in v)
    symbol = any(not c.isalnum() for c in v)
    if _NUMBER.fullmatch(v) or re.fullmatch(r"v?\d+(?:\.\d+)+\w*", v):  # versions
        return False
    return (has_digit and has_alpha) or (mixed_case and symbol) or random_token(v)
