"""FLK112: a view without the auth decorator its blueprint siblings carry."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import code
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import FunctionInfo, ProjectFacts

_VAR = re.compile(r"<(?:\w+:)?(\w+)>")
PUBLIC = re.compile(
    r"(login|logout|register|signup|sign_up|reset|forgot|health|ping|status|create_user"
    r"|new_user|create_account|confirm)",
    re.IGNORECASE,
)
# The view checks the visitor itself (anonymous or not, permissions) instead of a decorator.
SELF_CHECK = re.compile(
    r"(is_anonymous|is_authenticated|\.can\(|has_permission|g\.user\s+is\s+None|"
    r"not\s+g\.user\b(?!\.)|abort\(40[13])"
)


def url_vars(info: FunctionInfo) -> set[str]:
    return {v for rule in info.rules for v in _VAR.findall(rule)}


def _resources(info: FunctionInfo) -> set[tuple[str, str]]:
    """(static prefix before the variable, variable): '/<int:order_id>/invoice' and
    '/<int:order_id>' address the same order; '/post/<int:id>' and '/edit/<int:id>' do not
    (an ``id`` of different things)."""
    out = set()
    for rule in info.rules:
        m = _VAR.search(rule)
        if m:
            out.add((rule[: m.start()], m.group(1)))
    return out


def _reads(info: FunctionInfo) -> bool:
    return set(info.methods) <= {"GET", "HEAD", "OPTIONS"}


def auth_enforced_by_hook(facts: ProjectFacts, blueprint: str | None) -> bool:
    """A before_request hook of this blueprint, or one that applies app-wide, checks auth."""
    blueprint_keys = {k for f in facts.files.values() for k in f.blueprints}
    for key in facts.auth_hooks:
        if key == "*" or key == blueprint or key not in blueprint_keys:
            return True
    return False


class MissingAuth(Rule):
    id = "FLK112"
    title = "View lacks the auth decorator its siblings carry"
    severity = "high"
    category = "security"
    rationale = (
        "When the views around it that touch the same resource all require a login, one view "
        "without it is usually an oversight, and it serves the data to anyone who guesses the "
        "URL. Add the decorator (or protect the whole blueprint in a before_request hook)."
    )
    _BP = (
        "from flask import Blueprint\n"
        "from auth import login_required\n"
        'bp = Blueprint("orders", __name__)\n'
    )
    VALID = (
        Example(
            _BP + "@bp.get('/<int:order_id>')\n@login_required\ndef detail(order_id): ...\n"
            "@bp.get('/<int:order_id>/invoice')\n@login_required\ndef invoice(order_id): ...\n"
            "@bp.get('/cart')\ndef cart(): ...\n"
        ),
        Example(
            _BP + "@bp.before_request\ndef guard():\n    if g.user is None:\n        abort(401)\n"
            "@bp.get('/<int:order_id>')\n@login_required\ndef detail(order_id): ...\n"
            "@bp.post('/<int:order_id>/cancel')\n@login_required\ndef cancel(order_id): ...\n"
            "@bp.get('/<int:order_id>/invoice')\ndef invoice(order_id): ...\n"
        ),
    )
    INVALID = (
        Example(
            _BP + "@bp.get('/<int:order_id>')\n@login_required\ndef detail(order_id): ...\n"
            "@bp.post('/<int:order_id>/cancel')\n@login_required\ndef cancel(order_id): ...\n"
            "@bp.get('/<int:order_id>/invoice')\ndef invoice(order_id): ...\n"
        ),
        Example(
            "",
            path="shop/views.py",
            files={
                "shop/views.py": "from shop import bp\n@bp.get('/a')\ndef a(): ...\n",
                "shop/__init__.py": _BP + "@bp.get('/b')\n@login_required\ndef b(): ...\n"
                "@bp.get('/c')\n@login_required\ndef c(): ...\n"
                "@bp.get('/d')\n@login_required\ndef d(): ...\n",
            },
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        info = self.context.file.functions.get(node)
        if info is None or not info.is_view or info.auth_decorators or PUBLIC.search(info.name):
            return
        if SELF_CHECK.search(code(node.body)):
            return
        facts = self.context.facts
        siblings = [v for v in facts.views_of(info.blueprint) if v is not info]
        if len(siblings) < 2 or auth_enforced_by_hook(facts, info.blueprint):
            return
        mine = _resources(info)
        related = [s for s in siblings if mine & _resources(s)] if mine else []
        # Without a shared URL variable, compare reads with reads and writes with writes: a
        # public list next to protected create/update/delete views is the usual design.
        alike = [s for s in siblings if _reads(s) == _reads(info)]
        group = related if len(related) >= 2 else alike if len(alike) >= 3 else []
        carried = [s.auth_decorators for s in group]
        if not carried or not all(carried):
            return
        decorator = carried[0][0].rpartition(".")[2]
        self.report(
            node,
            f"{info.name} has no @{decorator} although its sibling views "
            f"({', '.join(s.name for s in group[:3])}) require it",
            at=node.decorators[0] if node.decorators else node,
        )
