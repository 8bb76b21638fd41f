"""What a review cost, approximately: a price table and a session counter.

Prices are US dollars per million tokens and APPROXIMATE: they are the published list prices of
each model family as this table was written, without batch or regional discounts. A model this
table does not know gets no estimate (``None``) rather than a wrong one; a local server is free
as far as we can tell, which is also "unknown".

Cache writes cost 1.25x input (5-minute cache), cache reads 0.1x input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from architect_tui.review.model import Usage

APPROXIMATE = True


@dataclass(frozen=True, slots=True)
class Price:
    """USD per million tokens."""

    input: float
    output: float
    cache_write: float
    cache_read: float


def _family(input_: float, output: float) -> Price:
    return Price(input_, output, round(input_ * 1.25, 4), round(input_ * 0.1, 4))


# Longest prefix wins, so a dated id ("claude-haiku-4-5-20251001") finds its family.
PRICES: dict[str, Price] = {
    "claude-opus-5": _family(5.0, 25.0),
    "claude-opus-4-8": _family(5.0, 25.0),
    "claude-opus-4-7": _family(5.0, 25.0),
    "claude-opus-4-6": _family(5.0, 25.0),
    "claude-opus-4-5": _family(5.0, 25.0),
    "claude-opus-4-1": _family(15.0, 75.0),
    "claude-opus-4": _family(15.0, 75.0),
    "claude-sonnet-5": _family(3.0, 15.0),
    "claude-sonnet-4": _family(3.0, 15.0),
    "claude-haiku-5": _family(1.0, 5.0),
    "claude-haiku-4-5": _family(1.0, 5.0),
    "claude-3-5-haiku": _family(0.8, 4.0),
}


def price_for(model: str) -> Price | None:
    """The price of a model id or alias, by longest known prefix; None when unknown."""
    model = model.strip().lower()
    best = max((p for p in PRICES if model.startswith(p)), key=len, default=None)
    return PRICES[best] if best else None


def estimate_cost(model: str, usage: Usage) -> float | None:
    """Approximate USD for one response's usage; None for a model without a known price."""
    price = price_for(model)
    if price is None:
        return None
    return (
        usage.input_tokens * price.input
        + usage.output_tokens * price.output
        + usage.cache_creation_input_tokens * price.cache_write
        + usage.cache_read_input_tokens * price.cache_read
    ) / 1_000_000


def format_cost(cost: float | None) -> str:
    """ "~$0.0123", or "cost unknown" for a model without a price."""
    if cost is None:
        return "cost unknown"
    return f"~${cost:.4f}" if cost < 1 else f"~${cost:.2f}"


@dataclass(slots=True)
class SessionTotals:
    """Usage and cost summed over a session (the TUI's status line)."""

    usage: Usage = field(default_factory=Usage)
    cost: float = 0.0
    unknown_cost: bool = False  # some response came from a model without a price
    responses: int = 0

    def add(self, model: str, usage: Usage) -> float | None:
        """Count one response; returns its own estimated cost."""
        cost = estimate_cost(model, usage)
        self.usage = self.usage + usage
        self.responses += 1
        if cost is None:
            self.unknown_cost = True
        else:
            self.cost += cost
        return cost
