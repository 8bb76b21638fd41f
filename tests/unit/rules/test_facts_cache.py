"""A scoped check reads unchanged files' facts from the last check, and re-reads a changed one.

On a copy of the example shop: the offline review's shape of check (``only`` one file, facts
from every file). ``invoice`` in orders/views.py lacks the login its siblings carry (FLK112);
an auth hook added to the orders blueprint in *another* file silences that, so a cache that
served stale facts for the changed file would keep the finding.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from architect_tui.analysis.cache import cache_dir
from architect_tui.rules.engine import CheckResult, check_project
from architect_tui.rules.facts_cache import KIND, FactsCache

REPO = Path(__file__).resolve().parents[3]
VIEWS = "shop/orders/views.py"
HOOK = '''

from flask import abort, g


@bp.before_request
def need_login():
    if g.user is None:
        abort(401)
'''


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "shop"
    shutil.copytree(REPO / "examples" / "shop", root)
    return root


def _scoped(root: Path, **kw: object) -> CheckResult:
    return check_project(root, only=[VIEWS], fixes=False, **kw)  # type: ignore[arg-type]


def _found(result: CheckResult) -> list[tuple[str, int, str]]:
    return [(v.rule, v.line, v.message) for v in result.violations]


def test_the_second_scoped_check_parses_only_the_judged_file(shop: Path) -> None:
    first = _scoped(shop)
    assert len(first.read_facts) > 10  # every file parsed once, its facts stored
    second = _scoped(shop)
    assert set(second.read_facts) == {VIEWS}  # the others came from the cache
    fresh = _scoped(shop, use_cache=False)
    assert _found(first) == _found(second) == _found(fresh)
    assert any(v.rule == "FLK112" and "invoice" in v.message for v in second.violations)


def test_a_changed_file_outside_the_scope_is_read_again(shop: Path) -> None:
    _scoped(shop)
    with (shop / "shop" / "orders" / "__init__.py").open("a") as fh:
        fh.write(HOOK)
    after = _scoped(shop)
    assert "shop/orders/__init__.py" in after.read_facts
    assert not any(v.rule == "FLK112" and "invoice" in v.message for v in after.violations)
    assert _found(after) == _found(_scoped(shop, use_cache=False))


def test_a_full_check_neither_reads_nor_writes_the_cache(shop: Path) -> None:
    check_project(shop, fixes=False)
    assert not list(cache_dir().glob(f"*.{KIND}.pickle"))


def test_a_corrupt_pack_is_ignored(shop: Path) -> None:
    expected = _found(_scoped(shop))
    for pack in cache_dir().glob(f"*.{KIND}.pickle"):
        pack.write_bytes(b"\x80\x05not a pickle")
    assert FactsCache(shop).known({VIEWS: ""}) == {}
    again = _scoped(shop)
    assert _found(again) == expected
    assert len(again.read_facts) > 10  # read everything again, and stored anew


def test_stored_facts_stay_as_the_file_says(shop: Path) -> None:
    """A check marks facts with what the map says (a view registered by add_url_rule); the
    map can change while a file does not, so the stored entry must not keep those marks."""
    _scoped(shop)
    paths = ("shop/models.py", VIEWS)
    sources = {p: (shop / p).read_text() for p in paths}
    cache = FactsCache(shop)
    known = cache.known(sources)
    for info in known["shop/models.py"].functions.values():
        info.is_view = True  # what _apply_map does to a view the map knows
    cache.remember(sources, {VIEWS: known[VIEWS]})  # a check that read the views again
    again = FactsCache(shop).known(sources)["shop/models.py"]
    assert again.functions and not any(i.is_view for i in again.functions.values())
