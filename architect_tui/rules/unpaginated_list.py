"""FLK404: an API list endpoint that returns every row."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code, source_text, walk
from architect_tui.rules.base import Example, Rule

PAGING = ("paginate", ".limit(", "offset(", "per_page", "page")


class UnpaginatedList(Rule):
    id = "FLK404"
    title = "List endpoint without pagination"
    severity = "medium"
    category = "rest"
    rationale = (
        "Returning query.all() from an API list serialises the whole table on every call: "
        "responses and memory grow with the data until the endpoint times out. Take page/"
        "per_page (with a maximum) and return paging links or a total."
    )
    VALID = (
        Example(
            "class Items(Resource):\n    def get(self):\n"
            "        return Item.query.paginate(page=1, per_page=20).items\n"
        ),
    )
    INVALID = (
        Example(
            "from flask_restx import Resource\n"
            "class Items(Resource):\n    def get(self):\n        return Item.query.all()\n"
        ),
        Example(
            "@api.get('/items')\ndef items():\n    return jsonify([i.to_dict() for i in Item.query.all()])\n"
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        info = self.context.file.functions.get(node)
        if info is None or not info.is_view or info.methods != ("GET",):
            return
        api = info.class_name is not None or "jsonify" in source_text(node.body)
        if not api or any(p in source_text(node.body) for p in PAGING):
            return
        if any(a for r in info.rules for a in [r] if "<" in r) or len(node.params.params) > (
            1 if info.class_name else 0
        ):
            return  # an item endpoint, not a collection
        for sub in walk(node.body):
            if isinstance(sub, cst.Return) and sub.value is not None:
                for call in walk(sub.value):
                    if isinstance(call, cst.Call) and code(call.func).endswith(".all"):
                        self.report(call, f"{info.name} returns every row; paginate the list")
                        return
