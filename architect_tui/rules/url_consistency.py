"""FLK403: one blueprint mixing trailing-slash styles or URL naming styles."""

from __future__ import annotations

import re
from collections import Counter

import libcst as cst

from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import FunctionInfo

_STATIC = re.compile(r"<[^>]+>")


def _style(rule: str) -> tuple[str | None, str | None]:
    path = _STATIC.sub("", rule).strip("/")
    # An item rule ending in a variable ('/posts/<int:id>') has no slash by convention even
    # where collections have one ('/posts/'): only static endings are compared.
    ends_static = not rule.rstrip("/").endswith(">")
    slash = (
        None
        if rule in {"", "/"} or not ends_static
        else ("slash" if rule.endswith("/") else "no-slash")
    )
    naming = None
    if "_" in path:
        naming = "snake_case"
    elif "-" in path:
        naming = "kebab-case"
    elif re.search(r"[a-z][A-Z]", path):
        naming = "camelCase"
    return slash, naming


class InconsistentUrls(Rule):
    id = "FLK403"
    title = "Inconsistent URL style in one blueprint"
    severity = "low"
    category = "rest"
    rationale = (
        "Mixing '/items/' with '/items' (Flask redirects one and 404s the other) or 'order_"
        "items' with 'order-items' in one blueprint makes clients guess. Pick one style per "
        "API and stick to it."
    )
    VALID = (
        Example("@bp.get('/items')\ndef a(): ...\n@bp.get('/items/<int:i>')\ndef b(i): ...\n"),
    )
    INVALID = (
        Example(
            "@bp.get('/items/')\ndef a(): ...\n@bp.get('/users')\ndef b(): ...\n"
            "@bp.get('/orders')\ndef c(): ...\n"
        ),
        Example(
            "@bp.get('/order-items')\ndef a(): ...\n@bp.get('/gift-cards')\ndef b(): ...\n"
            "@bp.get('/user_prefs')\ndef c(): ...\n"
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        info = self.context.file.functions.get(node)
        if info is None or not info.is_view or not info.rules:
            return
        views = self.context.facts.views_of(info.blueprint)
        for index, label in ((0, "trailing slash"), (1, "naming")):
            odd = self._odd_one(info, views, index)
            if odd:
                self.report(
                    node,
                    f"{info.rules[0]!r} uses {odd[0]} {label} while most routes of this "
                    f"blueprint use {odd[1]}",
                    at=node.decorators[0] if node.decorators else node,
                )

    @staticmethod
    def _odd_one(
        info: FunctionInfo, views: list[FunctionInfo], index: int
    ) -> tuple[str, str] | None:
        styles = Counter(s for v in views for r in v.rules if (s := _style(r)[index]))
        mine = {s for r in info.rules if (s := _style(r)[index])}
        if len(styles) < 2 or not mine:
            return None
        (common, common_n), *_ = styles.most_common()
        if common in mine or common_n < 2:
            return None
        return next(iter(mine)), common
