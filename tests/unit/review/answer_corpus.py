"""A corpus of realistic review answers, each with what must be read out of it.

The styles are the ones real models write when asked for the format in ``prompts/architect.md``
(and the deviations that were misread before): bullet fields, ``**Severity:**`` lines, blank
lines under the heading, every way of writing a location, labels in other languages, emoji,
the whole answer in a ```markdown fence, diffs in python fences, unfenced, SEARCH/REPLACE, cut
answers. Diffs are written against ``examples/shop`` as it is in the repository.

``findings``: ``(severity, file, line)`` per finding, in order. ``diffs``: per hunk the
extraction yields, in order, ``(file, outcome)``: ``applies`` (offered and matches), ``fails``
(offered, does not match), ``refused`` (the path is refused), ``cut`` (never offered: the
answer was cut inside it). Used by ``test_answer_corpus.py`` and ``bench/bench_answers.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "shop"


@dataclass(frozen=True)
class Answer:
    name: str
    text: str
    findings: list[tuple[str, str, int]]
    diffs: list[tuple[str, str]] = field(default_factory=list)
    stop_reason: str = "end_turn"


CAT = "shop/catalog/views.py"
ORD = "shop/orders/views.py"
AUTH = "shop/auth/views.py"
SRV = "shop/orders/services.py"
API = "shop/api/products.py"

SQL_DIFF = """--- a/shop/catalog/views.py
+++ b/shop/catalog/views.py
@@ -26,6 +26,6 @@ def search():
     rows = db.session.execute(
         text(
             "SELECT id, name, price_cents FROM products "
-            f"WHERE is_active AND name LIKE '%{term}%' ORDER BY name"
-        )
+            "WHERE is_active AND name LIKE :pattern ORDER BY name"
+        ).bindparams(pattern=f"%{term}%")
     ).all()
"""
COUNT_DIFF = """--- a/shop/catalog/views.py
+++ b/shop/catalog/views.py
@@ -16,3 +16,3 @@ def index():
     query = Product.query.filter_by(is_active=True).order_by(Product.name)
-    total = len(query.all())
+    total = query.count()
     products = query.offset((page - 1) * per_page).limit(per_page).all()
"""
PRINT_DIFF = """--- a/shop/orders/views.py
+++ b/shop/orders/views.py
@@ -55,3 +55,2 @@ def checkout():
         return render_template("orders/checkout.html", cart=cart), 400
-    print("checkout", g.user.email, cart)
     order = place_order(g.user, cart, address)
"""
INVOICE_DIFF = """--- a/shop/orders/views.py
+++ b/shop/orders/views.py
@@ -69,3 +69,4 @@
 @bp.get("/<int:order_id>/invoice")
+@login_required
 def invoice(order_id: int):
     order = db.get_or_404(Order, order_id)
"""
REDIRECT_DIFF = """--- a/shop/auth/views.py
+++ b/shop/auth/views.py
@@ -36,2 +36,2 @@ def login():
     session["user_id"] = user.id
-    return redirect(request.args.get("next") or url_for("catalog.index"))
+    return redirect(url_for("catalog.index"))
"""
LOGIN_PRINT_DIFF = """--- a/shop/auth/views.py
+++ b/shop/auth/views.py
@@ -29,3 +29,2 @@ def login():
         return render_template("auth/login.html", form=form), 400
-    print(f"login attempt: {form.email.data}")
     user = User.query.filter_by(email=form.email.data.lower()).first()
"""
COMMIT_DIFF = """--- a/shop/orders/services.py
+++ b/shop/orders/services.py
@@ -25,6 +25,6 @@ def place_order(user: User, cart: dict[int, int], address: str) -> Order:
         order.items.append(
             OrderItem(product=product, quantity=quantity, unit_price_cents=product.price_cents)
         )
-        db.session.commit()
+    db.session.commit()
     send_order_confirmation(order)
     return order
"""
WRONG_DIFF = """--- a/shop/catalog/views.py
+++ b/shop/catalog/views.py
@@ -12,3 +12,3 @@ def index():
 def index():
-    products = Product.query.all()
+    products = Product.query.filter_by(is_active=True).all()
     return render_template("catalog/index.html", products=products)
"""
OUTSIDE_DIFF = """--- a/../../etc/hosts
+++ b/../../etc/hosts
@@ -1,1 +1,1 @@
-127.0.0.1 localhost
+127.0.0.1 localhost shop.local
"""
NEW_TEST_DIFF = """--- /dev/null
+++ b/tests/test_search.py
@@ -0,0 +1,3 @@
+def test_search_with_a_quote(client):
+    response = client.get("/products/search?q=it's")
+    assert response.status_code == 200
"""

SUMMARY = "## Summary\nThe selection works, with the problems below.\n\n"


def fenced(diff: str, info: str = "diff") -> str:
    return f"```{info}\n{diff}```\n"


def changes(*diffs: str, info: str = "diff") -> str:
    return "## Proposed changes\n" + "\n".join(fenced(d, info) for d in diffs)


NO_CHANGES = "## Proposed changes\nNone.\n"

ANSWERS: list[Answer] = [
    Answer(
        "strict format",
        SUMMARY
        + f"""## Findings
### [critical] security: SQL built from the search term
Location: `{CAT}:29`
A quote in `q` ends the string literal; bind a parameter.

### [low] performance: Counting by loading every row
Location: `{CAT}:17`
`len(query.all())` loads the whole table to count it.

"""
        + changes(SQL_DIFF, COUNT_DIFF),
        [("critical", CAT, 29), ("low", CAT, 17)],
        [(CAT, "applies"), (CAT, "applies")],
    ),
    Answer(
        "bullet fields",
        SUMMARY
        + f"""## Findings

### 1. SQL injection in product search

- **Severity:** High
- **Category:** security
- **Location:** `{CAT}:29`
- **Why it matters:** the term is pasted into SQL.

### 2. Debug print leaks customer e-mails

- **Severity:** medium
- **Category:** structure
- **Location:** `{ORD}:56`
- **Why it matters:** logs keep personal data.

"""
        + changes(SQL_DIFF, PRINT_DIFF),
        [("high", CAT, 29), ("medium", ORD, 56)],
        [(CAT, "applies"), (ORD, "applies")],
    ),
    Answer(
        "severity line",
        SUMMARY
        + f"""## Findings

### Open redirect after login
**Severity:** Medium
**Location:** `{AUTH}:37`

`next` is used as given, so a link can send users anywhere.

### Password attempt logged
**Severity:** Low
**Location:** `{AUTH}:30`

The e-mail of every login attempt goes to stdout.

"""
        + changes(REDIRECT_DIFF),
        [("medium", AUTH, 37), ("low", AUTH, 30)],
        [(AUTH, "applies")],
    ),
    Answer(
        "blank line before location",
        SUMMARY
        + f"""## Findings
### [high] security: Invoice readable by anyone

Location: `{ORD}:70`

Any visitor can read any order's invoice by its id.

"""
        + changes(INVOICE_DIFF),
        [("high", ORD, 70)],
        [(ORD, "applies")],
    ),
    Answer(
        "path line N",
        SUMMARY
        + f"""## Findings
### [high] security: Raw SQL with user input
Location: {CAT} line 29
Use bound parameters.

### [medium] database: Commit inside the loop
Location: {SRV} line 28
A failure half-way leaves a partial order.

"""
        + changes(SQL_DIFF, COMMIT_DIFF),
        [("high", CAT, 29), ("medium", SRV, 28)],
        [(CAT, "applies"), (SRV, "applies")],
    ),
    Answer(
        "path, line N",
        SUMMARY
        + f"""## Findings
### [medium] security: Open redirect
Location: {AUTH}, line 37
Validate `next` against the host.

### [low] errors: Missing search term is a 400 page without a message
Location: `{CAT}`, line 25
`request.args["q"]` raises a bare 400.

"""
        + NO_CHANGES,
        [("medium", AUTH, 37), ("low", CAT, 25)],
    ),
    Answer(
        "backticked path, (line N)",
        SUMMARY
        + f"""## Findings
### [high] security: Invoice has no login check
Location: `{ORD}` (line 69)
Add `@login_required` and check the owner.

### [medium] performance: N+1 on order items
Location: `{SRV}` (lines 20-28)
One query per product.

"""
        + changes(INVOICE_DIFF),
        [("high", ORD, 69), ("medium", SRV, 20)],
        [(ORD, "applies")],
    ),
    Answer(
        "path#L42",
        SUMMARY
        + f"""## Findings
### [critical] security: SQL injection
Location: [{CAT}#L29]({CAT}#L29)
Bind `term`.

### [low] structure: print in a request handler
Location: {AUTH}#L30-L30
Use the app logger.

"""
        + changes(SQL_DIFF, LOGIN_PRINT_DIFF),
        [("critical", CAT, 29), ("low", AUTH, 30)],
        [(CAT, "applies"), (AUTH, "applies")],
    ),
    Answer(
        "location in the heading",
        SUMMARY
        + f"""## Findings
### [critical] security: SQL built from the search term — `{CAT}:29`
The term is interpolated into the statement.

### [medium] security: Open redirect in login ({AUTH}:37)
`next` is trusted.

"""
        + changes(SQL_DIFF),
        [("critical", CAT, 29), ("medium", AUTH, 37)],
        [(CAT, "applies")],
    ),
    Answer(
        "german labels",
        """## Zusammenfassung
Die Suche ist angreifbar.

## Befunde
### SQL-Injection in der Produktsuche
**Schweregrad:** Hoch
**Ort:** `shop/catalog/views.py:29`
Der Suchbegriff landet ungefiltert im SQL.

### Offene Weiterleitung nach dem Login
**Schweregrad:** Mittel
**Ort:** `shop/auth/views.py`, Zeile 37
`next` wird nicht geprüft.

"""
        + changes(SQL_DIFF),
        [("high", CAT, 29), ("medium", AUTH, 37)],
        [(CAT, "applies")],
    ),
    Answer(
        "chinese labels",
        """## 总结
搜索接口存在 SQL 注入。

## 发现
### [high] security: 搜索语句拼接用户输入
位置：`shop/catalog/views.py:29`
应使用绑定参数。

### 结账时打印用户邮箱
严重性：中
位置：shop/orders/views.py 第56行
日志中会留下个人信息。

"""
        + changes(SQL_DIFF, PRINT_DIFF),
        [("high", CAT, 29), ("medium", ORD, 56)],
        [(CAT, "applies"), (ORD, "applies")],
    ),
    Answer(
        "emoji before severity",
        SUMMARY
        + f"""## Findings
### 🔴 [critical] security: SQL injection in search
Location: `{CAT}:29`
Bind the parameter.

### 🟡 [medium] database: Commit per item
Location: `{SRV}:28`
Commit once.

### 🟢 [low] performance: len(query.all())
Location: `{CAT}:17`
Use count().

"""
        + changes(SQL_DIFF, COMMIT_DIFF, COUNT_DIFF),
        [("critical", CAT, 29), ("medium", SRV, 28), ("low", CAT, 17)],
        [(CAT, "applies"), (CAT, "applies"), (SRV, "applies")],
    ),
    Answer(
        "whole answer in a four-tick markdown fence",
        "````markdown\n"
        + SUMMARY
        + f"""## Findings
### [critical] security: SQL built from the search term
Location: `{CAT}:29`
Bind it.

### [high] security: Invoice without login
Location: `{ORD}:69`
Anyone can read it.

"""
        + changes(SQL_DIFF, INVOICE_DIFF)
        + "````\n",
        [("critical", CAT, 29), ("high", ORD, 69)],
        [(CAT, "applies"), (ORD, "applies")],
    ),
    Answer(
        "whole answer in a three-tick markdown fence",
        "```markdown\n"
        + SUMMARY
        + f"""## Findings
### [medium] security: Open redirect
Location: `{AUTH}:37`
Check `next`.

"""
        + changes(REDIRECT_DIFF)
        + "```\n",
        [("medium", AUTH, 37)],
        [(AUTH, "applies")],
    ),
    Answer(
        "diff in a python fence",
        SUMMARY
        + f"""## Findings
### [low] performance: Counting by loading every row
Location: `{CAT}:17`
Use `query.count()`.

"""
        + changes(COUNT_DIFF, info="python"),
        [("low", CAT, 17)],
        [(CAT, "applies")],
    ),
    Answer(
        "unfenced diff",
        SUMMARY
        + f"""## Findings
### [medium] structure: print() in checkout
Location: `{ORD}:56`
Remove it; use the logger if needed.

## Proposed changes
{PRINT_DIFF}
That removes the print.
""",
        [("medium", ORD, 56)],
        [(ORD, "applies")],
    ),
    Answer(
        "search/replace block",
        SUMMARY
        + f"""## Findings
### [medium] security: Open redirect after login
Location: `{AUTH}:37`
Do not trust `next`.

## Proposed changes
{AUTH}
```python
<<<<<<< SEARCH
    return redirect(request.args.get("next") or url_for("catalog.index"))
=======
    return redirect(url_for("catalog.index"))
>>>>>>> REPLACE
```
""",
        [("medium", AUTH, 37)],
        [(AUTH, "applies")],
    ),
    Answer(
        "cut at max_tokens in the second diff",
        SUMMARY
        + f"""## Findings
### [critical] security: SQL injection
Location: `{CAT}:29`
Bind it.

### [medium] database: Commit per item
Location: `{SRV}:28`
Commit once.

"""
        + changes(SQL_DIFF)
        + "\n```diff\n"
        + COMMIT_DIFF.split("-        db.session.commit()")[0],
        [("critical", CAT, 29), ("medium", SRV, 28)],
        [(CAT, "applies"), (SRV, "cut")],
        stop_reason="max_tokens",
    ),
    Answer(
        "numbered list items",
        SUMMARY
        + f"""## Findings
1. **[high] security: SQL injection in search** — `{CAT}:29`
   The term is interpolated.
2. **[medium] security: Open redirect** — `{AUTH}:37`
   `next` is trusted.
3. **[low] structure: print in checkout** — `{ORD}:56`
   Use logging.

"""
        + NO_CHANGES,
        [("high", CAT, 29), ("medium", AUTH, 37), ("low", ORD, 56)],
    ),
    Answer(
        "bold line findings",
        SUMMARY
        + f"""## Findings

**[high] security: Invoice is public**
Location: `{ORD}:69`
Add the login check.

**[medium] errors: KeyError on a missing search term**
Location: `{CAT}:25`
Use `.get()`.

"""
        + changes(INVOICE_DIFF),
        [("high", ORD, 69), ("medium", CAT, 25)],
        [(ORD, "applies")],
    ),
    Answer(
        "level-4 headings, upper case",
        SUMMARY
        + f"""## Findings
#### [HIGH] SECURITY: SQL injection
Location: `{CAT}:29`
Bind the term.

#### [LOW] PERFORMANCE: Counting with len()
Location: `{CAT}:17`
Count in SQL.

"""
        + changes(SQL_DIFF),
        [("high", CAT, 29), ("low", CAT, 17)],
        [(CAT, "applies")],
    ),
    Answer(
        "severity in parentheses",
        SUMMARY
        + f"""## Findings
### SQL injection in product search (High)
Location: `{CAT}:29`
The term is pasted into SQL.

### Commit inside the loop (Medium)
Location: `{SRV}:28`
Partial orders on failure.

"""
        + changes(COMMIT_DIFF),
        [("high", CAT, 29), ("medium", SRV, 28)],
        [(SRV, "applies")],
    ),
    Answer(
        "bare severity prefix",
        SUMMARY
        + f"""## Findings
### High: SQL injection in search
File: {CAT}:29
Bind it.

### Low: print() leaks e-mails
File: {ORD}:56
Drop it.

"""
        + NO_CHANGES,
        [("high", CAT, 29), ("low", ORD, 56)],
    ),
    Answer(
        "reverse location",
        SUMMARY
        + f"""## Findings
### [high] security: SQL injection
Location: lines 26-31 of `{CAT}`
The f-string builds the statement.

### [medium] database: Commit per item
Location: line 28 in {SRV}
Commit once after the loop.

"""
        + changes(SQL_DIFF),
        [("high", CAT, 26), ("medium", SRV, 28)],
        [(CAT, "applies")],
    ),
    Answer(
        "path:L42 and line:col",
        SUMMARY
        + f"""## Findings
### [critical] security: SQL injection
Location: `{CAT}:L29`
Bind it.

### [low] structure: print in login
Location: `{AUTH}:30:5`
Use logging.

"""
        + changes(LOGIN_PRINT_DIFF),
        [("critical", CAT, 29), ("low", AUTH, 30)],
        [(AUTH, "applies")],
    ),
    Answer(
        "lines range with en dash in parentheses",
        SUMMARY
        + f"""## Findings
### [high] security: SQL built with an f-string
Location: {CAT} (lines 26–31)
Bind it.

"""
        + changes(SQL_DIFF),
        [("high", CAT, 26)],
        [(CAT, "applies")],
    ),
    Answer(
        "french labels",
        """## Résumé
La recherche est vulnérable.

## Résultats
### Injection SQL dans la recherche
**Gravité :** Élevée
**Emplacement :** `shop/catalog/views.py:29`
Le terme est collé dans la requête.

### Redirection ouverte
**Gravité :** Moyenne
**Emplacement :** `shop/auth/views.py`, ligne 37
`next` n'est pas vérifié.

"""
        + changes(SQL_DIFF),
        [("high", CAT, 29), ("medium", AUTH, 37)],
        [(CAT, "applies")],
    ),
    Answer(
        "spanish labels",
        """## Resumen
La búsqueda es vulnerable.

## Hallazgos
### Inyección SQL en la búsqueda
- **Severidad:** Alta
- **Ubicación:** `shop/catalog/views.py:29`

El término se pega en la consulta.

### Commit dentro del bucle
- **Severidad:** Media
- **Ubicación:** `shop/orders/services.py`, línea 28

Un fallo deja pedidos a medias.

"""
        + NO_CHANGES,
        [("high", CAT, 29), ("medium", SRV, 28)],
    ),
    Answer(
        "japanese labels",
        """## Summary
検索に SQL インジェクションがあります。

## Findings
### SQL インジェクション
重要度：高
場所：`shop/catalog/views.py:29`
パラメータをバインドしてください。

"""
        + changes(SQL_DIFF),
        [("high", CAT, 29)],
        [(CAT, "applies")],
    ),
    Answer(
        "colon outside the bold label",
        SUMMARY
        + f"""## Findings
### [high] security: Invoice without login
**Location**: `{ORD}:69`
Any visitor can read it.

### [medium] security: Open redirect
**Where**: `{AUTH}:37`
`next` is trusted.

"""
        + changes(INVOICE_DIFF, REDIRECT_DIFF),
        [("high", ORD, 69), ("medium", AUTH, 37)],
        [(ORD, "applies"), (AUTH, "applies")],
    ),
    Answer(
        "category as a field",
        SUMMARY
        + f"""## Findings
### [high] SQL injection in search
**Category:** Security
**Location:** `{CAT}:29`
Bind it.

### [medium] Commit in a loop
**Category:** Database
**Location:** `{SRV}:28`
Commit once.

"""
        + NO_CHANGES,
        [("high", CAT, 29), ("medium", SRV, 28)],
    ),
    Answer(
        "severity and category in one bracket",
        SUMMARY
        + f"""## Findings
### [high/security] SQL injection in search
Location: `{CAT}:29`
Bind it.

### [low | performance] len() over all rows
Location: `{CAT}:17`
Count in SQL.

"""
        + changes(COUNT_DIFF),
        [("high", CAT, 29), ("low", CAT, 17)],
        [(CAT, "applies")],
    ),
    Answer(
        "two brackets",
        SUMMARY
        + f"""## Findings
### [Critical] [Security] SQL injection in search
Location: `{CAT}:29`
Bind it.

### [Medium] [Security] Open redirect
Location: `{AUTH}:37`
Check `next`.

"""
        + changes(SQL_DIFF, REDIRECT_DIFF),
        [("critical", CAT, 29), ("medium", AUTH, 37)],
        [(CAT, "applies"), (AUTH, "applies")],
    ),
    Answer(
        "major, minor, warning",
        SUMMARY
        + f"""## Findings
### [major] security: SQL injection
Location: `{CAT}:29`
Bind it.

### [warning] database: Commit per item
Location: `{SRV}:28`
Commit once.

### [minor] structure: print in checkout
Location: `{ORD}:56`
Logging.

"""
        + changes(PRINT_DIFF),
        [("high", CAT, 29), ("medium", SRV, 28), ("low", ORD, 56)],
        [(ORD, "applies")],
    ),
    Answer(
        "no findings section, a path outside the project",
        f"""The login view has one problem.

### [medium] security: Open redirect
Location: `{AUTH}:37`
Check `next`.

## Proposed changes
"""
        + fenced(OUTSIDE_DIFF),
        [("medium", AUTH, 37)],
        [("../../etc/hosts", "refused")],
    ),
    Answer(
        "a diff whose context is not in the file",
        SUMMARY
        + f"""## Findings
### [medium] rest: Index lists inactive products
Location: `{CAT}:16`
Filter them out.

"""
        + changes(WRONG_DIFF),
        [("medium", CAT, 16)],
        [(CAT, "fails")],
    ),
    Answer(
        "new test file",
        SUMMARY
        + f"""## Findings
### [medium] tests: No test for a quote in the search term
Location: `{CAT}:23`
Add one.

"""
        + changes(NEW_TEST_DIFF),
        [("medium", CAT, 23)],
        [("tests/test_search.py", "applies")],
    ),
    Answer(
        "two hunks in one diff block",
        SUMMARY
        + f"""## Findings
### [critical] security: SQL injection
Location: `{CAT}:29`
Bind it.

### [low] performance: len(query.all())
Location: `{CAT}:17`
Count.

## Proposed changes
```diff
{COUNT_DIFF}{SQL_DIFF.split(chr(10), 2)[2]}```
""",
        [("critical", CAT, 29), ("low", CAT, 17)],
        [(CAT, "applies"), (CAT, "applies")],
    ),
    Answer(
        "location only in the detail",
        SUMMARY
        + f"""## Findings
### [low] structure: Debug print in checkout
In `{ORD}` at line 56 the checkout prints the customer's e-mail.

### [medium] security: Open redirect
The login view at {AUTH}:37 redirects to `next` unchecked.

"""
        + NO_CHANGES,
        [("low", ORD, 56), ("medium", AUTH, 37)],
    ),
    Answer(
        "file and line as separate fields",
        SUMMARY
        + f"""## Findings
### [high] security: Invoice without login
**File:** `{ORD}`
**Line:** 69
Add `@login_required`.

### [medium] database: Commit in a loop
- **File:** `{SRV}`
- **Lines:** 20-28
Commit once.

"""
        + changes(INVOICE_DIFF),
        [("high", ORD, 69), ("medium", SRV, 20)],
        [(ORD, "applies")],
    ),
    Answer(
        "finding N: title",
        SUMMARY
        + f"""## Findings
### Finding 1: SQL injection in search
Severity: critical
Location: `{CAT}:29`
Bind it.

### Finding 2: Invoice without login
Severity: high
Location: `{ORD}:69`
Anyone can read it.

"""
        + changes(SQL_DIFF, INVOICE_DIFF),
        [("critical", CAT, 29), ("high", ORD, 69)],
        [(CAT, "applies"), (ORD, "applies")],
    ),
    Answer(
        "emoji severity only",
        SUMMARY
        + f"""## Findings
### 🟡 Commit inside the loop
Location: `{SRV}:28`
Commit once.

### 🔴 SQL injection
Location: `{CAT}:29`
Bind it.

"""
        + NO_CHANGES,
        [("medium", SRV, 28), ("high", CAT, 29)],
    ),
    Answer(
        "location with a trailing note",
        SUMMARY
        + f"""## Findings
### [medium] security: Open redirect
- Location: {AUTH}:37 (login)
- Why: `next` is trusted.

### [low] structure: print in login
- Location: {AUTH}:30 (same view)

"""
        + changes(REDIRECT_DIFF, LOGIN_PRINT_DIFF),
        [("medium", AUTH, 37), ("low", AUTH, 30)],
        [(AUTH, "applies"), (AUTH, "applies")],
    ),
    Answer(
        "findings as a table",
        SUMMARY
        + f"""## Findings
| Severity | Category | Location | Issue |
| --- | --- | --- | --- |
| critical | security | `{CAT}:29` | SQL built from the search term |
| medium | database | `{SRV}:28` | Commit inside the loop |
| low | structure | `{ORD}:56` | print() in checkout |

"""
        + changes(SQL_DIFF),
        [("critical", CAT, 29), ("medium", SRV, 28), ("low", ORD, 56)],
        [(CAT, "applies")],
    ),
    Answer(
        "restx resource, heading with method name",
        SUMMARY
        + f"""## Findings
### [medium] rest: `ProductList.post` answers 200 on create
Location: `{API}:34-39`
Return 201 with a Location header.

### [low] rest: Inactive product leaks through `ProductItem.get`?
Location: `{API}:48`
No, it is checked. Fine.

"""
        + NO_CHANGES,
        [("medium", API, 34), ("low", API, 48)],
    ),
    Answer(
        "cut at max_tokens inside the only block's second hunk",
        SUMMARY
        + f"""## Findings
### [critical] security: SQL injection
Location: `{CAT}:29`
Bind it.

### [low] performance: len(query.all())
Location: `{CAT}:17`
Count.

## Proposed changes
```diff
{COUNT_DIFF}@@ -26,6 +26,6 @@ def search():
     rows = db.session.execute(
         text(
""",
        [("critical", CAT, 29), ("low", CAT, 17)],
        [(CAT, "applies"), (CAT, "cut")],
        stop_reason="max_tokens",
    ),
    Answer(
        "several locations in one field",
        SUMMARY
        + f"""## Findings
### [medium] structure: print() calls in request handlers
Location: `{AUTH}:30`, `{ORD}:56`
Use the logger.

"""
        + changes(LOGIN_PRINT_DIFF, PRINT_DIFF),
        [("medium", AUTH, 30)],
        [(AUTH, "applies"), (ORD, "applies")],
    ),
    Answer(
        "title with a colon and bold severity",
        SUMMARY
        + f"""## Findings
### **[High]** Security — Checkout: CSRF protection is switched off
**Location:** `{ORD}:43`
`@csrf.exempt` on a form post.

"""
        + NO_CHANGES,
        [("high", ORD, 43)],
    ),
    Answer(
        "sub-headings under proposed changes and notes are not findings",
        SUMMARY
        + f"""## Findings
### [low] structure: print in checkout
Location: `{ORD}:56`
Use logging.

## Proposed changes
### Change 1 — `{ORD}`
Remove the print.
"""
        + fenced(PRINT_DIFF)
        + """
### Change 2: tests (high value)
None needed.

## Missing context
### Notes
- [ ] the templates
""",
        [("low", ORD, 56)],
        [(ORD, "applies")],
    ),
    Answer(
        "severity counts in the summary are not findings",
        f"""## Summary
Two problems:
- [high] 1 finding
- [low] 1 finding

## Findings
### [high] security: Invoice without login
Location: `{ORD}:69`
Add the check.

### [low] structure: print in login
Location: `{AUTH}:30`
Use logging.

"""
        + NO_CHANGES,
        [("high", ORD, 69), ("low", AUTH, 30)],
    ),
    Answer(
        "no findings",
        "## Summary\nNothing to report.\n\n## Findings\nNone.\n\n"
        "### Summary of checks\nAll fine.\n\n" + NO_CHANGES,
        [],
    ),
]


# ---- scoring (shared by the test and the bench) ------------------------------------------


@dataclass
class Outcome:
    """What was read out of one answer, next to what should have been."""

    answer: Answer
    findings: list[tuple[str, str | None, int | None]]
    diffs: list[tuple[str, str]]

    @property
    def read(self) -> int:
        """Expected findings read with their severity and file:line (in order)."""
        return sum(
            1 for got, want in zip(self.findings, self.answer.findings, strict=False) if got == want
        )

    @property
    def extra(self) -> int:
        return max(0, len(self.findings) - len(self.answer.findings))


def read_answer(answer: Answer, root: Path = EXAMPLE) -> Outcome:
    """Parse the answer as the engine does and plan its changes as the changes view does."""
    from architect_tui.review.changes import plan_proposed
    from architect_tui.review.model import Review
    from architect_tui.review.parse import parse_answer

    incomplete = answer.stop_reason != "end_turn"
    parsed = parse_answer(answer.text, incomplete=incomplete)
    review = Review("corpus", "test", "full", answer.text, incomplete=incomplete)
    the_plan = plan_proposed(review, root)
    diffs: list[tuple[str, str]] = []
    for fplan in the_plan.files:
        if fplan.status == "refused" and not any(h.hunk is not None for h in fplan.hunks):
            patch = fplan.file_patch
            count = len(patch.hunks) if patch is not None and patch.hunks else 1
            raw = (patch.raw_path if patch is not None else "") or fplan.path
            diffs += [(_plain(raw), "refused")] * count
            continue
        for result in fplan.hunks:
            if result.hunk is not None and not result.hunk.complete:
                diffs.append((fplan.path, "cut"))
            elif fplan.status == "refused":
                diffs.append((_plain(fplan.path), "refused"))
            else:
                diffs.append((fplan.path, "applies" if result.ok else "fails"))
    return Outcome(answer, [(f.severity, f.file, f.line) for f in parsed.findings], diffs)


def _plain(raw: str) -> str:
    return raw.strip().removeprefix("a/").removeprefix("b/")


# Written after the reader's first version, as a check on styles it was not shaped by: it read
# 5 of their 14 findings whole (35.7%); the reader was then fixed for them (P0-P4, Korean
# labels, path::function, a trailing [severity], bold titles with fields below). The bench
# prints them apart; the tests hold both lists.
HELD_OUT: list[Answer] = [
    Answer(
        "held out: warning emoji and em dash",
        SUMMARY
        + f"""## Findings
### ⚠️ High — SQL injection ({CAT}:29)
The term is interpolated.

### ⚠️ Low — print() in checkout ({ORD}:56)
Use logging.
""",
        [("high", CAT, 29), ("low", ORD, 56)],
    ),
    Answer(
        "held out: italic labels and L-numbers",
        SUMMARY
        + f"""## Findings
#### Issue 1 — Invoice without login
*Severity*: high
*File*: `{ORD}`, L69

#### Issue 2 — Open redirect
*Severity*: medium
*File*: `{AUTH}`, L37
""",
        [("high", ORD, 69), ("medium", AUTH, 37)],
    ),
    Answer(
        "held out: blockquoted fields",
        SUMMARY
        + f"""## Findings
### [high] security: SQL injection
> **Location**: `{CAT}:29`
> Bind the parameter.
""",
        [("high", CAT, 29)],
    ),
    Answer(
        "held out: P1/P2 priorities",
        SUMMARY
        + f"""## Findings
### [P1] SQL injection in search
Location: `{CAT}:29`

### [P3] print() in checkout
Location: `{ORD}:56`
""",
        [("high", CAT, 29), ("low", ORD, 56)],
    ),
    Answer(
        "held out: pytest-style path::function",
        SUMMARY
        + f"""## Findings
### [medium] security: Open redirect
- Location: {AUTH}::login (line 37)

### [low] performance: Counting with len()
- Location: {CAT}::index, line 17
""",
        [("medium", AUTH, 37), ("low", CAT, 17)],
    ),
    Answer(
        "held out: korean labels",
        SUMMARY
        + f"""## Findings
### SQL 인젝션
심각도: 높음
위치: `{CAT}:29`
""",
        [("high", CAT, 29)],
    ),
    Answer(
        "held out: severity after the title in brackets",
        SUMMARY
        + f"""## Findings
### SQL injection in search [critical]
Location: `{CAT}:29`

### Commit inside the loop [medium]
Location: `{SRV}:28`
""",
        [("critical", CAT, 29), ("medium", SRV, 28)],
    ),
    Answer(
        "held out: numbered bold titles with a severity field below",
        SUMMARY
        + f"""## Findings

1. **Invoice is readable by anyone**
   - Severity: High
   - Location: `{ORD}:69`

2. **Search builds SQL from input**
   - Severity: Critical
   - Location: `{CAT}:29`
""",
        [("high", ORD, 69), ("critical", CAT, 29)],
    ),
]
