"""FLK112: a view without the auth decorator its blueprint siblings carry.

The verdict is ``rules.auth.auth_gap``, the one the TUI's details pane shows too: built from the
project map when there is one, else from this rule's own facts (a file checked alone)."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import source_text
from architect_tui.rules.auth import (
    SELF_CHECK,
    AuthGap,
    RouteShape,
    auth_gap,
    route_auth_gap,
)
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import FunctionInfo, ProjectFacts

_VAR = re.compile(r"<(?:\w+:)?(\w+)>")


def url_vars(info: FunctionInfo) -> set[str]:
    return {v for rule in info.rules for v in _VAR.findall(rule)}


def auth_enforced_by_hook(facts: ProjectFacts, blueprint: str | None) -> bool:
    """A before_request hook of this blueprint, or one that applies app-wide, checks auth."""
    blueprint_keys = facts.blueprints()
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
        if info is None or not info.is_view:
            return
        gap = self._from_map(info)
        if gap is False:
            facts = self.context.facts
            siblings = [_shape(v) for v in facts.views_of(info.blueprint) if v is not info]
            mine = _shape(info, SELF_CHECK.search(source_text(node.body)) is not None)
            gap = auth_gap(mine, siblings, auth_enforced_by_hook(facts, info.blueprint))
        if gap is None:
            return
        decorator = gap.example.split("(", 1)[0].rpartition(".")[2]
        self.report(
            node,
            f"{info.name} has no @{decorator} although its sibling views "
            f"({', '.join(gap.group[:3])}) require it",
            at=node.decorators[0] if node.decorators else node,
        )

    def _from_map(self, info: FunctionInfo) -> AuthGap | bool | None:
        """The verdict from the project map (False when the map does not know this view:
        no map, a class-based view, a view the reader could not place)."""
        project = self.context.project
        if project is None or info.class_name is not None:
            return False
        by_file, by_blueprint = self.context.facts.map_routes(project)
        routes = [
            r
            for r in by_file.get(self.context.path, ())
            if r.view == info.name and r.span.line <= info.line <= r.span.end_line
        ]
        if not routes:
            return False
        return route_auth_gap(
            project,
            routes[0],
            self.context.facts.sources.get,
            by_blueprint.get(routes[0].blueprint, []),
        )


def _shape(info: FunctionInfo, self_checks: bool = False) -> RouteShape:
    return RouteShape(info.name, info.rules, info.methods, info.decorators, self_checks)
