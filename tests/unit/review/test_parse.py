"""Reading the reviewer's markdown back into findings and diff text."""

from __future__ import annotations

from architect_tui.review.parse import parse_answer

STRICT = """## Summary
The search view builds SQL by hand.

## Findings
### [high] security: SQL query built from request input
Location: `shop/catalog/views.py:42`
An attacker can read any table.

### [low] rest: Create endpoint answers 200
Location: `shop/api/orders.py:18`
Clients expect 201 and a Location header.

### [info] structure: Fine layering
Location: n/a
Nothing to do.

## Proposed changes
```diff
--- a/shop/catalog/views.py
+++ b/shop/catalog/views.py
@@ -40,4 +40,4 @@ def search():
     term = request.args["q"]
-    rows = db.session.execute(f"SELECT * FROM items WHERE name = '{term}'")
+    rows = db.session.execute(text("SELECT * FROM items WHERE name = :t"), {"t": term})
     return render_template("search.html", rows=rows)
```

```diff
--- /dev/null
+++ b/tests/test_search.py
@@ -0,0 +1,2 @@
+def test_search(client):
+    assert client.get("/search?q=x").status_code == 200
```

## Missing context
The template.
"""


def test_strict_format() -> None:
    """Every finding with severity, category, title, location and detail; both diffs kept."""
    answer = parse_answer(STRICT)
    assert answer.summary == "The search view builds SQL by hand."
    got = [(f.severity, f.category, f.title, f.file, f.line) for f in answer.findings]
    assert got == [
        ("high", "security", "SQL query built from request input", "shop/catalog/views.py", 42),
        ("low", "rest", "Create endpoint answers 200", "shop/api/orders.py", 18),
        ("info", "structure", "Fine layering", None, None),
    ]
    assert answer.findings[0].detail == "An attacker can read any table."
    assert answer.changes.count("--- ") == 2
    assert answer.changes.startswith("--- a/shop/catalog/views.py\n+++ b/shop/catalog/views.py\n")
    assert "+++ b/tests/test_search.py\n" in answer.changes
    assert "The template" not in answer.findings[-1].detail
    assert not answer.dropped_unfinished


def test_small_deviations_are_tolerated() -> None:
    """Bold locations, em dashes, upper case, line ranges, unknown categories, ``./`` paths."""
    text = """## Findings
### [HIGH] Security — Missing CSRF protection
**Location:** shop/auth/views.py:10-14
Forms post without a token.

### [Major] caching: Cache never invalidated
- Location: `./shop/cache.py:3`
Stale data.

### [medium]database: N+1 in listing
Location: shop/api.py:7
"""
    answer = parse_answer(text)
    got = [(f.severity, f.category, f.file, f.line, f.end_line) for f in answer.findings]
    assert got == [
        ("high", "security", "shop/auth/views.py", 10, 14),
        ("high", "other", "shop/cache.py", 3, None),
        ("medium", "database", "shop/api.py", 7, None),
    ]
    assert answer.findings[0].title == "Missing CSRF protection"


def test_none_sections_give_nothing() -> None:
    """ "None." under Findings and Proposed changes: no findings, no changes."""
    answer = parse_answer("## Summary\nFine.\n\n## Findings\nNone.\n\n## Proposed changes\nNone.\n")
    assert answer.findings == [] and answer.changes == ""


def test_unclosed_diff_is_dropped() -> None:
    """A cut answer's half-written diff is never offered; complete ones before it are."""
    cut = STRICT.split("## Missing context")[0] + "```diff\n--- a/x.py\n+++ b/x.py\n@@ -1,3"
    answer = parse_answer(cut, incomplete=True)
    assert answer.dropped_unfinished
    assert "x.py" not in answer.changes and answer.changes.count("--- ") == 2


def test_non_diff_fences_are_not_changes_and_diff_inside_finding_stays_in_detail() -> None:
    """A python fence is prose; a heading inside a fence is not a finding."""
    text = (
        "## Findings\n### [low] tests: No tests\nLocation: n/a\nFor example:\n"
        "```python\n### [high] security: not a heading\ndef test(): ...\n```\n"
    )
    answer = parse_answer(text)
    assert len(answer.findings) == 1 and answer.changes == ""
    assert "def test(): ..." in answer.findings[0].detail
