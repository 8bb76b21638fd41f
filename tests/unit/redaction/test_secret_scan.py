"""The secret finder: value and context decide, spans are exact, nothing spills over lines."""

from __future__ import annotations

import pytest

from architect_tui.patch import match
from architect_tui.review.redact import Redactor
from architect_tui.secrets import PLACEHOLDER_RE, find_secrets, is_withheld, withheld_message


def spans(text: str, filename: str = "x.py") -> list[str]:
    return [text[f.start : f.end] for f in find_secrets(text, filename)]


def test_begin_without_end_changes_only_its_own_line() -> None:
    """A docstring quoting a key header with no END leaves the other 2,000 lines untouched."""
    body = [f"value_{i} = compute({i})" for i in range(2000)]
    text = "\n".join(
        ['"""Keys look like -----BEGIN RSA PRIVATE KEY-----MIIEpAIBAAKCAQEAu1SU1LfVLPHC', *body]
    )
    out = Redactor().redact(text, "big.py")
    lines = out.split("\n")
    assert lines[0] == '"""Keys look like «REDACTED:1»'
    assert lines[1:] == body


def test_begin_and_end_far_apart_are_not_one_block() -> None:
    """Two BEGINs before an END: the first has no END of its own, so it takes only its line."""
    text = (
        "a = '-----BEGIN PRIVATE KEY-----'\n"
        "b = 1\n"
        "c = '''-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
        "-----END PRIVATE KEY-----'''\n"
    )
    out = Redactor().redact(text, "k.py")
    assert out.split("\n")[:2] == ["a = '-----BEGIN PRIVATE KEY-----'", "b = 1"]
    assert "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" not in out
    assert len(out.split("\n")) == len(text.split("\n"))


@pytest.mark.parametrize(
    ("url", "password"),
    [
        ("postgresql://admin:p@ssW0rd-Q7@host/db", "p@ssW0rd-Q7"),
        ("mysql://root:ab/cd-Secr3t@host", "ab/cd-Secr3t"),
        ("redis://:-dash-first-9@cache:6379", "-dash-first-9"),
        ("https://user:x%40y%2Fz9@example.com/path", "x%40y%2Fz9"),
        ("mongodb://u:a:b:c9@h1:27017,h2:27017/db", "a:b:c9"),
    ],
)
def test_whole_url_password_whatever_it_holds(url: str, password: str) -> None:
    """The password runs from the first ``:`` of the user info to the ``@`` before the host."""
    text = f'DB = "{url}"'
    assert spans(text) == [password]
    out = Redactor().redact(text, "x.py")
    assert password not in out and out.count("«REDACTED:1»") == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com:8080/users/@me",
        "git+https://github.com/pallets/flask.git@3.0.0",
        "postgresql://user:${DB_PASSWORD}@db/shop",
        "postgresql://{user}:{password}@{host}/db",
        "amqp://guest:guest@localhost//",
    ],
)
def test_urls_without_real_credentials_are_kept(url: str) -> None:
    """Ports, refs, templates and the user-equals-password dev default are not secrets."""
    assert spans(f'U = "{url}"') == []


def test_split_literals_are_judged_joined_and_every_piece_is_replaced() -> None:
    """Neither half looks like a token alone; joined they are a Stripe key."""
    text = 'KEY = (\n    "sk_live_51HqLy"  # billing\n    "jWDarjtT1zdp7dcXrHfFXb"\n)\n'
    out = Redactor().redact(text, "x.py")
    assert "sk_live" not in out and "jWDarjtT1zdp7dcXrHfFXb" not in out
    assert out.count("«REDACTED:1»") == 2  # one secret, two pieces, one number
    assert "# billing" in out


def test_unquoted_values_are_code_in_python_and_values_elsewhere() -> None:
    """``SECRET_KEY = a8Kd93mZq`` is a variable in Python, a value in a shell or env file."""
    assert spans("SECRET_KEY = a8Kd93mZq\n", "config.py") == []
    assert spans("SECRET_KEY=a8Kd93mZq\n", "deploy/run.sh") == ["a8Kd93mZq"]


@pytest.mark.parametrize(
    "path",
    [
        ".env",
        ".env.local",
        "shop/.env.production",
        ".flaskenv",
        ".envrc",
        "deploy/prod.env",
        "instance/app.cfg",
        "instance/config.py",
        "shop/instance/settings.toml",
        "certs/server.pem",
        "id_ed25519",
        "secrets.yaml",
        "client_secret_123.json",
        ".netrc",
    ],
)
def test_withheld_files(path: str) -> None:
    """Every spelling of an env file, Flask's instance config, keys and credentials."""
    assert is_withheld(path)
    assert path in withheld_message(path)


@pytest.mark.parametrize(
    "path",
    [
        "shop/config.py",
        "env.py",
        "environment.py",
        "instance/models.py",
        "shop/secrets_util.py",
        "README.md",
    ],
)
def test_code_is_not_withheld(path: str) -> None:
    """Code that merely talks about configuration is sent (redacted)."""
    assert not is_withheld(path)


def test_one_home_for_the_marker() -> None:
    """The patch layer refuses placeholders with the very same pattern the redactor writes."""
    assert match.REDACTION is PLACEHOLDER_RE
    out = Redactor().redact('PASSWORD = "Hunter2-Prod-Pass"', "x.py")
    assert match.REDACTION.search(out)


def test_every_format_has_hints_and_no_hint_hides_another() -> None:
    """Formats are pre-checked by their literal hints, found in one overlapping scan: a hint
    that is a prefix of another would be captured instead of it and skip that format."""
    from architect_tui.secrets.formats import FORMAT_HINTS, FORMATS

    assert {kind for kind, _ in FORMATS} == set(FORMAT_HINTS)
    hints = {h for hs in FORMAT_HINTS.values() for h in hs}
    assert [(a, b) for a in hints for b in hints if a != b and b.startswith(a)] == []


@pytest.mark.parametrize(
    ("value", "secret"),
    [
        ("/_3ZpH3d06xb", True),  # a leading slash does not make a token a path
        ("/=rFkH7GnprZ3xhF", True),
        ("7/vvqD3ERRS.LUvl", True),
        ("VsypKfOdp0A...u-Emg=asBhy=N7", True),  # dots inside a long value: not elided
        ("/run/secrets/db_password", False),
        ("/static", False),
        ("certs/server.pem", False),
        ("sk_live_...", False),
        ("abc…xyz", False),
    ],
)
def test_paths_and_elided_examples_under_a_secret_name(value: str, secret: bool) -> None:
    """Found by property testing: path and ellipsis look-alikes must be real paths and real
    elisions, not any value that happens to hold a slash or three dots."""
    from architect_tui.secrets import looks_like_secret

    assert looks_like_secret(value, "SECRET_KEY") is secret
