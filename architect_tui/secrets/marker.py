"""The redaction placeholder: one home for its shape, shared by the review and the patch layer.

``«REDACTED:N»`` is distinctive on purpose: no real code holds it, so a proposed change that
writes one (which would overwrite the user's real secret) is easy to spot and refuse. This module
sits at the bottom of the package (it imports nothing of ours) so ``patch`` can use it without
knowing anything about reviews.
"""

from __future__ import annotations

import re

#: Matches one placeholder anywhere in a text.
PLACEHOLDER_RE = re.compile(r"«REDACTED:\d+»")


def placeholder(number: int) -> str:
    """The placeholder for the ``number``-th distinct secret of a request."""
    return f"«REDACTED:{number}»"
