"""One review, two front doors: ``R`` in the TUI and ``architect review`` send the same body.

Both go through ``architect_tui.review.session`` (source choice, local rules as hints, the
request); the local Anthropic server records what each sent, and the bodies are compared whole.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from test_flow_review import EXAMPLE, make_app, screen_of, select_route
from ui_project import settle

from architect_tui.cli import main
from architect_tui.ui.review import ContextScreen, LensScreen, ReviewPanel
from architect_tui.ui.review.lens import LensSelect
from architect_tui.ui.screens.main import MainScreen
from tests.support.anthropic_server import AnthropicServer, TextReply

ANSWER = "## Summary\nFine.\n\n## Findings\nNone.\n\n## Proposed changes\nNone.\n"


@pytest.mark.parametrize(
    ("endpoint", "lens"), [("catalog.search", "full"), ("orders.checkout", "security")]
)
async def test_tui_and_cli_send_the_same_request_body(
    tmp_path: Path,
    llm_env: AnthropicServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    endpoint: str,
    lens: str,
) -> None:
    """R (lens full, context as offered) and `architect review TARGET --lens full`: same body,
    with the offline rules' findings as <hints> in both."""
    root = tmp_path / "shop"
    shutil.copytree(EXAMPLE, root)
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    llm_env.queue(TextReply(ANSWER), TextReply(ANSWER))
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        main_screen = await select_route(pilot, endpoint)
        await pilot.press("R")
        lenses = (await screen_of(pilot, LensScreen)).query_one(LensSelect).lenses
        await pilot.press(*["down"] * lenses.index(lens), "enter")
        await screen_of(pilot, ContextScreen)
        await pilot.press("enter")
        await screen_of(pilot, MainScreen)
        await settle(pilot)
        assert main_screen.query_one(ReviewPanel).status in {"done", "saved"}
    assert len(llm_env.requests) == 1
    capsys.readouterr()
    args = ["review", endpoint, "--project", str(root), "--lens", lens, "--no-save"]
    code = await asyncio.to_thread(main, args)  # the CLI runs its own event loop
    assert code == 0, capsys.readouterr().err
    tui, cli = (r.body for r in llm_env.requests)
    assert f"with the **{lens}** lens" in cli["messages"][0]["content"][0]["text"]
    assert "<hints>" in cli["messages"][0]["content"][0]["text"]
    assert tui["system"] == cli["system"]
    assert tui["messages"] == cli["messages"]
    assert tui == cli


OTHER_SHAPES = """## Summary
Two changes, neither in a diff fence.

## Findings
### [low] performance: Counting by loading every row
Location: `shop/catalog/views.py:17`
Count in SQL.

## Proposed changes
```python
--- a/shop/catalog/views.py
+++ b/shop/catalog/views.py
@@ -16,3 +16,3 @@ def index():
     query = Product.query.filter_by(is_active=True).order_by(Product.name)
-    total = len(query.all())
+    total = query.count()
     products = query.offset((page - 1) * per_page).limit(per_page).all()
```

shop/catalog/views.py
```python
<<<<<<< SEARCH
    term = request.args["q"]
=======
    term = request.args.get("q", "")
>>>>>>> REPLACE
```
"""


async def test_the_changes_view_offers_what_apply_would_apply(
    tmp_path: Path, llm_env: AnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A diff in a python fence and a SEARCH/REPLACE block: both hunks in the changes view."""
    from architect_tui.ui.changes import ChangesScreen, HunkCard

    root = tmp_path / "shop"
    shutil.copytree(EXAMPLE, root)
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "cache"))
    llm_env.queue(TextReply(OTHER_SHAPES, chunk_size=64))
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await select_route(pilot, "catalog.index")
        await pilot.press("R")
        await screen_of(pilot, LensScreen)
        await pilot.press("enter")
        await screen_of(pilot, ContextScreen)
        await pilot.press("enter")
        await screen_of(pilot, MainScreen)
        await settle(pilot)
        await pilot.press("c")
        changes = await screen_of(pilot, ChangesScreen)
        await settle(pilot)
        cards = list(changes.query(HunkCard))
        assert [c.result.ok for c in cards] == [True, True]
