"""Cost estimates, and saving, listing and reopening reviews (with a real git repo)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from architect_tui.review.model import Finding, Review, Usage
from architect_tui.review.pricing import SessionTotals, estimate_cost, format_cost, price_for
from architect_tui.review.store import ensure_git_exclude, list_reviews, load_review, save_review


def test_prices_by_family_and_unknown_models() -> None:
    """Dated ids find their family; unknown ids get no estimate instead of a wrong one."""
    assert price_for("claude-sonnet-5-5") == price_for("claude-sonnet-5-5-20261001")
    assert price_for("claude-haiku-5-5").input < price_for("claude-sonnet-5-5").input
    assert price_for("llama3:70b") is None
    usage = Usage(
        input_tokens=1_000_000,
        output_tokens=100_000,
        cache_creation_input_tokens=0,
        cache_read_input_tokens=1_000_000,
    )
    price = price_for("claude-sonnet-5-5")
    assert estimate_cost("claude-sonnet-5-5", usage) == pytest.approx(
        price.input + price.output / 10 + price.cache_read
    )
    assert price.cache_read == pytest.approx(price.input / 10)
    assert format_cost(None) == "cost unknown"
    assert format_cost(0.01234) == "~$0.0123"


def test_session_totals_sum_and_remember_unknown_costs() -> None:
    """Two responses add up; a local model marks the total as partial."""
    totals = SessionTotals()
    totals.add("claude-haiku-5-5", Usage(1000, 100))
    totals.add("local-llm", Usage(50, 5))
    assert totals.usage == Usage(1050, 105) and totals.responses == 2
    assert totals.unknown_cost and totals.cost == pytest.approx(
        estimate_cost("claude-haiku-5-5", Usage(1000, 100))
    )


def make_review(target: str = "orders.create") -> Review:
    return Review(
        target=target,
        model="claude-sonnet-5-5",
        lens="security",
        markdown="## Summary\nOK\n",
        findings=[Finding("high", "security", "T", "shop/a.py", 3, "why")],
        changes="--- a/shop/a.py\n+++ b/shop/a.py\n",
        usage=Usage(10, 5),
        incomplete=True,
        stop_reason="max_tokens",
    )


def test_save_list_and_load_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Markdown + JSON on disk, listed newest first, reopened equal; the key is nowhere."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-must-not-leak")
    first = save_review(tmp_path, make_review("orders.create"), started_at=1_700_000_000.0)
    save_review(tmp_path, make_review("bp:auth"), ask="why?", started_at=1_700_000_100.0)
    assert first.markdown_path.name == "20231114T221320000Z-orders-create.md"
    assert first.markdown_path.read_text() == "## Summary\nOK\n"
    meta = json.loads(first.json_path.read_text())
    assert meta["model"] == "claude-sonnet-5-5" and meta["lens"] == "security"
    assert meta["incomplete"] is True and meta["usage"]["input_tokens"] == 10
    assert meta["cost_usd"] > 0 and meta["created"].startswith("2023-11-14T22:13:20")
    listed = list_reviews(tmp_path)
    assert [s.target for s in listed] == ["bp:auth", "orders.create"]
    assert listed[0].ask == "why?" and listed[1].findings == 1
    assert load_review(listed[1]) == make_review("orders.create")
    for path in (tmp_path / ".architect").rglob("*"):
        if path.is_file():
            assert "sk-ant-must-not-leak" not in path.read_text()


def test_git_exclude_is_added_once(tmp_path: Path) -> None:
    """In a git repo `.architect/` goes to info/exclude (once) and git status stays clean."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    save_review(tmp_path, make_review())
    save_review(tmp_path, make_review())
    exclude = (tmp_path / ".git" / "info" / "exclude").read_text()
    assert exclude.count(".architect/") == 1
    status = subprocess.run(
        ["git", "-C", str(tmp_path), "status", "--porcelain"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert status == ""
    assert len(list_reviews(tmp_path)) == 2


def test_not_a_git_repo(tmp_path: Path) -> None:
    """Outside git nothing is excluded and nothing breaks."""
    assert ensure_git_exclude(tmp_path) is False
    save_review(tmp_path, make_review())
    assert not (tmp_path / ".git").exists()
