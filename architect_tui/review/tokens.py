"""A cheap token estimate, good enough to cut context to a budget and show sizes in the UI.

Claude's tokenizer averages roughly 3.5 characters per token on Python source and English
prose; counting exactly would need a network call (``count_tokens``) per piece. The estimate
rounds up so that small pieces never count as free.
"""

from __future__ import annotations

import math

CHARS_PER_TOKEN = 3.5


def estimate_tokens(text: str) -> int:
    """``ceil(len(text) / 3.5)``: an estimate, not a count."""
    return math.ceil(len(text) / CHARS_PER_TOKEN) if text else 0
