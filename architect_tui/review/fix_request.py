"""The follow-up that sends a failed verification back to the architect, asking for a fix.

Why a module of its own: the TUI builds this text when the user presses the fix key after an
apply whose checks failed, and what the model reads must not depend on the front door. It is the
next turn of the same review conversation (``Conversation.follow_up``), so the model already
has the code and its own answer; this turn adds what the project's checks said and exactly what
was written, and asks for a corrected change in the same format (so its answer goes through the
same extraction and changes view).
"""

from __future__ import annotations

from collections.abc import Iterable

from architect_tui.patch.verify import VerifyResult

__all__ = ["MAX_DIFF_CHARS", "fix_request", "outcome_line"]

MAX_DIFF_CHARS = 12_000  # the applied diff is small in practice; a huge one is cut, not sent whole


def outcome_line(result: VerifyResult) -> str:
    """One line saying how the checks ended: the panel's title and the request's first fact."""
    if result.cancelled:
        return f"checks cancelled after {result.seconds:.1f} s"
    if result.timed_out:
        return f"checks timed out after {result.seconds:.1f} s"
    if result.ok:
        return f"checks passed in {result.seconds:.1f} s"
    return f"checks failed (exit {result.exit}) in {result.seconds:.1f} s"


def fix_request(
    result: VerifyResult, applied_diffs: Iterable[str], *, round_no: int, rounds: int
) -> str:
    """The follow-up text: the failing command, its output's tail, the applied diff, the ask.

    ``applied_diffs`` are the unified diffs of the hunks that were written (as previewed);
    ``round_no`` of ``rounds`` tells the model how many tries are left.
    """
    diff = "\n".join(d.rstrip("\n") for d in applied_diffs if d.strip())
    if len(diff) > MAX_DIFF_CHARS:
        diff = diff[:MAX_DIFF_CHARS] + "\n... (diff cut)"
    tail = result.output_tail.strip() or "(no output)"
    return (
        f"I applied your proposed changes and ran the project's checks: {outcome_line(result)}.\n"
        f"Command: `{result.command}`\n\n"
        f"The end of its output:\n```text\n{tail}\n```\n\n"
        f"The diff that was applied:\n```diff\n{diff}\n```\n\n"
        f"Please fix the failure (fix round {round_no} of {rounds}). The applied diff is on disk "
        "now: propose changes against the code as it is after it, in the same Proposed changes "
        "format, and only what the fix needs."
    )
