"""Properties that must hold for any input: redaction keeps the shape and drops the secret,
the answer parser never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from architect_tui.review.parse import parse_answer
from architect_tui.review.redact import Redactor

SECRET = st.text(
    alphabet=st.characters(codec="ascii", categories=("L", "N"), include_characters="-_+/=."),
    min_size=12,
    max_size=40,
).filter(lambda s: any(c.isdigit() for c in s) and any(c.isalpha() for c in s))
# A secret shape (letters and digits): the redactor judges the value, not the name alone, so
# "reset_password" or "--------" under a secret name are meant to stay readable.
NAME = st.sampled_from(["SECRET_KEY", "DB_PASSWORD", "api_key", "GITHUB_TOKEN", "stripe_secret"])


@settings(max_examples=60, deadline=None)
@given(name=NAME, secret=SECRET, before=st.text(max_size=80), quote=st.sampled_from("'\""))
def test_assigned_secret_never_survives_and_lines_are_kept(
    name: str, secret: str, before: str, quote: str
) -> None:
    """Whatever surrounds it, the value is replaced and the line count is unchanged."""
    text = f"{before}\n{name} = {quote}{secret}{quote}\nx = 1\n"
    out = Redactor().redact(text, "f.py")
    assert secret not in out.splitlines()[-2]
    assert len(out.splitlines()) == len(text.splitlines())


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400))
def test_redact_keeps_line_count_on_any_text(text: str) -> None:
    """Redaction never adds or removes lines (line numbers stay true)."""
    assert len(Redactor().redact(text, "f.py").splitlines()) == len(text.splitlines())


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "## Summary",
                "## Findings",
                "### [high] security: x",
                "Location: `a.py:3`",
                "```diff",
                "```",
                "--- a/x",
                "+++ b/x",
                "@@ -1 +1 @@",
                "-a",
                "+b",
                "text",
                "",
                "### [weird] ???: y",
                "Location: n/a",
                "~~~",
                "## Proposed changes",
            ]
        ),
        max_size=30,
    )
)
def test_parser_never_raises(lines: list[str]) -> None:
    """Any mix of format fragments parses to findings and a diff string."""
    answer = parse_answer("\n".join(lines))
    assert isinstance(answer.changes, str)
    assert all(f.severity in {"critical", "high", "medium", "low", "info"} for f in answer.findings)
