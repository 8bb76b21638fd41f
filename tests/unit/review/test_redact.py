"""Secrets never leave the machine, and a placeholder is never written back."""

from __future__ import annotations

import pytest

from architect_tui.review.redact import (
    PLACEHOLDER_RE,
    Redactor,
    flag_redacted_changes,
    is_secret_file,
)


@pytest.mark.parametrize(
    "path",
    [
        ".env",
        "shop/.env.production",
        "deploy/server.pem",
        "tls.key",
        "id_rsa",
        "~/.ssh/id_ed25519",
        "credentials.json",
        "secrets.yaml",
        ".netrc",
        "service-account-prod.json",
    ],
)
def test_secret_looking_files(path: str) -> None:
    """Files that hold secrets by convention are recognised by name."""
    assert is_secret_file(path)


@pytest.mark.parametrize(
    "path", ["shop/config.py", "env.py", "keys.py", "README.md", "environ.txt"]
)
def test_ordinary_files(path: str) -> None:
    """Code and docs are not mistaken for secret files."""
    assert not is_secret_file(path)


@pytest.mark.parametrize(
    ("line", "secret", "kind"),
    [
        ('SECRET_KEY = "s3cr3t-value-123"', "s3cr3t-value-123", "assignment"),
        ("app.config['SECRET_KEY'] = 'abcdefgh1234'", "abcdefgh1234", "assignment"),
        ('DB_PASSWORD: str = "hunter22"', "hunter22", "assignment"),
        ('settings = {"api_key": "live-1234567"}', "live-1234567", "assignment"),
        ('URL = "postgresql://shop:pa55word@db:5432/shop"', "pa55word", "url_credentials"),
        ('broker = "redis://:r3dispass@cache:6379/0"', "r3dispass", "url_credentials"),
        ('AWS = "AKIAIOSFODNN7EXAMPLE"', "AKIAIOSFODNN7EXAMPLE", "aws_key"),
        ("x = 'sk-ant-api03-abcdefghijkl'", "sk-ant-api03-abcdefghijkl", "anthropic_key"),
        (
            'token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"',
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "github_token",
        ),
        (
            'k = "sk-proj-abcdefghijklmnopqrstuvwx"',
            "sk-proj-abcdefghijklmnopqrstuvwx",
            "openai_key",
        ),
    ],
)
def test_likely_secrets_are_replaced(line: str, secret: str, kind: str) -> None:
    """The secret value is gone, a numbered placeholder stands in, the kind is recorded."""
    redactor = Redactor()
    out = redactor.redact(line, "cfg.py", 7)
    assert secret not in out
    assert "«REDACTED:1»" in out
    assert [(r.file, r.line, r.kind) for r in redactor.redactions] == [("cfg.py", 7, kind)]


@pytest.mark.parametrize(
    "line",
    [
        'SECRET_KEY = os.environ.get("SECRET_KEY", "dev")',
        'PASSWORD = "changeme"',
        'API_KEY = os.environ["API_KEY"]',
        'url = "postgresql://user:${DB_PASSWORD}@db/shop"',
        'TOKEN_HEADER = "X"',
        "login(password=form.password.data)",
    ],
)
def test_placeholders_and_lookups_stay_readable(line: str) -> None:
    """Environment lookups, obvious placeholders and short values are left alone."""
    redactor = Redactor()
    assert redactor.redact(line, "cfg.py") == line
    assert redactor.count == 0


def test_private_key_block_is_removed_keeping_line_numbers() -> None:
    """A PEM block becomes one placeholder; its other lines are blanked, not dropped, and what
    follows the END marker (the closing quotes) stays."""
    text = 'KEY = """-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"""\nx = 1\n'
    redactor = Redactor()
    out = redactor.redact(text, "k.py", 10)
    assert "MIIEpAIBAAKCAQEA" not in out and "BEGIN RSA" not in out
    assert out.splitlines() == ['KEY = """«REDACTED:1»', "", '"""', "x = 1"]
    assert redactor.count == 1
    assert [r.line for r in redactor.redactions] == [10, 11, 12]


def test_same_secret_gets_the_same_number_across_pieces() -> None:
    """One redactor per request: a repeated value maps to one placeholder."""
    redactor = Redactor()
    a = redactor.redact('SECRET_KEY = "abc123def456"', "a.py")
    b = redactor.redact('OTHER_SECRET = "abc123def456"\nPASSWORD = "zzz999yyy"', "b.py", 3)
    assert "«REDACTED:1»" in a and "«REDACTED:1»" in b and "«REDACTED:2»" in b
    assert redactor.count == 2
    assert PLACEHOLDER_RE.findall(a + b) == ["«REDACTED:1»", "«REDACTED:1»", "«REDACTED:2»"]


def test_changes_touching_redacted_lines_are_flagged() -> None:
    """Editing a redacted line, or writing/relying on a placeholder, is named."""
    redactor = Redactor()
    redactor.redact('import os\nSECRET_KEY = "abc123def456"\nDEBUG = True\n', "shop/config.py")
    edit = (
        "--- a/shop/config.py\n+++ b/shop/config.py\n@@ -1,3 +1,3 @@\n import os\n"
        '-SECRET_KEY = "x"\n+SECRET_KEY = os.environ["SECRET_KEY"]\n DEBUG = True\n'
    )
    [warning] = flag_redacted_changes(edit, redactor.redactions)
    assert warning.startswith("shop/config.py:2:")
    writes = '--- a/x.py\n+++ b/x.py\n@@ -1,1 +1,1 @@\n-a = 1\n+KEY = "«REDACTED:1»"\n'
    assert "writes a redaction placeholder" in flag_redacted_changes(writes, [])[0]
    harmless = "--- a/shop/config.py\n+++ b/shop/config.py\n@@ -3,1 +3,1 @@\n-DEBUG = True\n+DEBUG = False\n"
    assert flag_redacted_changes(harmless, redactor.redactions) == []


def test_a_diff_is_redacted_hunk_by_hunk_with_its_context() -> None:
    """A secret split over added lines, a key block half in context, a removed secret: each
    side of the hunk is judged whole; context and added lines are listed with new numbers,
    removed lines with old ones."""
    diff = (
        "--- a/shop/config.py\n+++ b/shop/config.py\n"
        "@@ -1,6 +1,9 @@ class Config:\n"
        " import os\n"
        '-SECRET_KEY = "old-S3cret-value"\n'
        "+SECRET_KEY = (\n"
        '+    "9f8e7d6c5b4a"\n'
        '+    "3f2e1d0c9b8a"\n'
        "+)\n"
        ' KEY = """-----BEGIN RSA PRIVATE KEY-----\n'
        "-MIIEpAIBAAKCAQEAoldOLDold0123456789\n"
        "+MIIEpAIBAAKCAQEAnewNEWnew9876543210\n"
        ' -----END RSA PRIVATE KEY-----"""\n'
        " DEBUG = True\n"
        "\\ No newline at end of file\n"
    )
    redactor = Redactor()
    out = redactor.redact_diff(diff, "shop/config.py")
    for secret in ("old-S3cret-value", "9f8e7d6c5b4a", "3f2e1d0c9b8a", "oldOLDold", "newNEWnew"):
        assert secret not in out
    assert len(out.splitlines()) == len(diff.splitlines())
    assert out.splitlines()[:4] == diff.splitlines()[:4]  # headers and unchanged context
    assert out.splitlines()[-2:] == [" DEBUG = True", "\\ No newline at end of file"]
    listed = {(r.line, r.kind) for r in redactor.redactions}
    assert {(2, "assignment"), (3, "split_literal"), (4, "split_literal")} <= listed
    assert (4, "private_key") in listed and (6, "private_key") in listed  # old 4, new 6..8


def test_a_diff_of_several_files_names_each_file() -> None:
    """The ``+++`` header of each file decides the file its redactions are listed under."""
    diff = (
        "--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n"
        '--- a/b.py\n+++ b/b.py\n@@ -1 +1 @@\n-y = 1\n+PASSWORD = "Hunter2-Prod"\n'
    )
    redactor = Redactor()
    assert "Hunter2-Prod" not in redactor.redact_diff(diff, "a.py")
    assert [(r.file, r.line) for r in redactor.redactions] == [("b.py", 1)]
