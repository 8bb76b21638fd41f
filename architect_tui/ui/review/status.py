"""How a review's state reads in one line: pure functions, so they are tested without a screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content

from architect_tui.review.model import Failed, Usage
from architect_tui.review.pricing import format_cost

CostEstimator = Callable[[str, Usage], float | None]
"""(model id, usage) -> estimated cost in USD, or None for a model without a known price."""


def format_usage(usage: Usage | None, cost: float | None = None) -> str:
    """``in 1,234 · out 567 · cache w 0 / r 1,000 · ~$0.0123``; empty before any usage arrives."""
    if usage is None:
        return ""
    parts = [f"in {usage.input_tokens:,}", f"out {usage.output_tokens:,}"]
    if usage.cache_creation_input_tokens or usage.cache_read_input_tokens:
        parts.append(
            f"cache w {usage.cache_creation_input_tokens:,} / r {usage.cache_read_input_tokens:,}"
        )
    if cost is not None:
        parts.append(format_cost(cost))  # the CLI's wording, so both front ends agree
    return " · ".join(parts)


STATUS_COLOUR = {
    "streaming": "accent",
    "waiting": "warning",
    "done": "success",
    "saved": "success",
    "incomplete": "warning",
    "failed": "error",
    "cancelled": "warning",
}


def header_content(
    target: str,
    model: str,
    lens: str,
    status: str,
    detail: str = "",
    usage: Usage | None = None,
    cost: float | None = None,
) -> Content:
    """The panel's header: ``auth.login · claude-sonnet-5-5 · lens security · streaming``, then
    the usage line once tokens were counted."""
    facts = " · ".join(part for part in (model, f"lens {lens}") if part)
    shown = status + (f" — {detail}" if detail else "")
    parts: list[str | tuple[str, str]] = [
        (target or "Architect review", "bold"),
        (f" · {facts} · ", "$text-muted"),
        (shown, f"bold $text-{STATUS_COLOUR.get(status, 'muted')}"),
    ]
    usage_line = format_usage(usage, cost)
    if usage_line:
        parts.append((f"\n{usage_line}", "$text-muted"))
    return Content.assemble(*parts)


def count_changes(diff: str) -> tuple[int, int]:
    """(hunks, files) in a unified diff: what the "N proposed changes" line counts."""
    hunks = sum(1 for line in diff.splitlines() if line.startswith("@@"))
    files = sum(1 for line in diff.splitlines() if line.startswith("+++ "))
    return hunks, files


def _plural(noun: str) -> str:
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def changes_label(diff: str, noun: str = "proposed change") -> str:
    """The text of a changes line: ``3 proposed changes in 2 files — open the changes view``."""
    hunks, files = count_changes(diff)
    if not hunks and not files:
        return f"No {_plural(noun)}"
    where = "1 file" if files == 1 else f"{files} files"
    return f"{hunks} {noun if hunks == 1 else _plural(noun)} in {where} — open the changes view"


# kind -> (title, way forward). The core's message says what happened and how to fix the setup;
# this adds the key the user can press here, now (text.failure_card drops what is said twice).
_FAILURES: dict[str, tuple[str, str]] = {
    "no_key": (
        "No API key",
        "Set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) in the shell that starts architect, "
        "then restart; press o for the offline review meanwhile.",
    ),
    "auth": (
        "The key was rejected (401)",
        "Check ANTHROPIC_API_KEY; press o for the offline review.",
    ),
    "forbidden": (
        "Not allowed (403)",
        "Try another model (ARCHITECT_MODEL); press o for the offline review.",
    ),
    "not_found": (
        "Unknown model (404)",
        "Set ARCHITECT_MODEL to a model the endpoint knows, e.g. claude-sonnet-5-5.",
    ),
    "too_large": (
        "The request is too large (413)",
        "Untick some context pieces or lower the token budget (ARCHITECT_BUDGET); then R "
        "reviews again.",
    ),
    "rate_limited": ("Rate limited (429)", "Wait a moment and press r to retry."),
    "overloaded": ("The service is overloaded (529)", "Press r to retry in a little while."),
    "server": ("The server failed (5xx)", "Press r to retry; the offline review (o) still works."),
    "connection": (
        "Could not connect",
        "Check the network or ANTHROPIC_BASE_URL; press r to retry or o for the offline review.",
    ),
    "timeout": ("The request timed out", "Press r to retry, perhaps with a smaller context."),
    "cut": (
        "The answer was cut off",
        "The text so far is kept and marked incomplete; its unfinished last change is not "
        "offered. Press r to retry.",
    ),
    "refused": ("The model declined", "Rephrase the request or pick another lens."),
    "cancelled": ("Cancelled", "The text so far is kept. Press r to run it again."),
}


def failure_title(kind: str) -> str:
    """A short headline for a failure kind; unknown kinds still read sensibly."""
    return _FAILURES.get(kind, ("The review stopped", ""))[0]


def failure_hint(failure: Failed) -> str:
    """The way forward for a failure, adding the retry key whenever the core says it helps."""
    hint = _FAILURES.get(failure.kind, ("", ""))[1]
    if failure.retryable and "press r" not in hint.lower():
        hint = (hint + " Press r to retry.").strip()
    return hint
