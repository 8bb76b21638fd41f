"""FLK401: a create endpoint that answers 200 instead of 201."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import PositionProvider

from architect_tui.rules._util import code, source_text, walk
from architect_tui.rules.base import Example, Rule


class CreateAnswers200(Rule):
    id = "FLK401"
    title = "Create endpoint answers 200 instead of 201"
    severity = "low"
    category = "rest"
    # 200 -> 201 changes a public API (clients and the project's own tests read it): a suggestion
    fix_kind = "suggestion"
    rationale = (
        "Clients and caches read 201 Created (with a Location header) as 'a new resource "
        "exists here'; 200 says nothing was created. Answer 201 from endpoints that create."
    )
    VALID = (
        Example(
            "@bp.post('/items')\ndef create_item():\n    db.session.add(Item())\n"
            "    return jsonify(id=1), 201\n"
        ),
        Example("@bp.post('/login')\ndef login():\n    return jsonify(token='x')\n"),
    )
    INVALID = (
        Example(
            "@bp.post('/items')\ndef create_item():\n    if exists():\n"
            "        return jsonify(error='exists')\n    db.session.add(Item())\n"
            "    return jsonify(id=1)\n",
            expected=(
                "@bp.post('/items')\ndef create_item():\n    if exists():\n"
                "        return jsonify(error='exists')\n    db.session.add(Item())\n"
                "    return jsonify(id=1), 201\n"
            ),
        ),
        Example(
            "@bp.post('/items')\ndef create_item():\n    item = Item()\n    db.session.add(item)\n"
            "    return jsonify(id=item.id)\n",
            expected=(
                "@bp.post('/items')\ndef create_item():\n    item = Item()\n    db.session.add(item)\n"
                "    return jsonify(id=item.id), 201\n"
            ),
        ),
        Example(
            "from flask_restx import Resource\n"
            "class ProductList(Resource):\n    @ns.marshal_with(model)\n    def post(self):\n"
            "        product = Product()\n        db.session.add(product)\n        return product\n",
            expected=(
                "from flask_restx import Resource\n"
                "class ProductList(Resource):\n    @ns.marshal_with(model)\n    def post(self):\n"
                "        product = Product()\n        db.session.add(product)\n        return product, 201\n"
            ),
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        info = self.context.file.functions.get(node)
        if info is None or not info.is_view or "POST" not in info.methods:
            return
        body = source_text(node.body)
        creates = "session.add(" in body or "INSERT INTO" in body.upper()
        if not creates or "201" in body or "201" in "".join(code(d) for d in node.decorators):
            return
        nodes = list(walk(node.body))
        writes = [
            n
            for n in nodes
            if isinstance(n, cst.Call) and code(n.func).endswith(("session.add", "execute"))
        ]
        first_write = self.get_metadata(PositionProvider, writes[0]).start.line if writes else 0
        for sub in nodes:
            if (
                isinstance(sub, cst.Return)
                and sub.value is not None
                # an early return before anything is written is an error path, not the create
                and self.get_metadata(PositionProvider, sub).start.line > first_write
            ):
                value = sub.value
                if isinstance(value, cst.Tuple) or code(value).startswith(
                    ("redirect(", "render_template")
                ):
                    continue
                if (
                    info.class_name is None
                    and "jsonify" not in code(value)
                    and not isinstance(value, cst.Dict)
                ):
                    continue

                def fix(updated: cst.CSTNode) -> cst.CSTNode:
                    assert isinstance(updated, cst.Return) and updated.value is not None
                    pair = cst.Tuple(
                        [cst.Element(updated.value), cst.Element(cst.Integer("201"))],
                        lpar=[],
                        rpar=[],
                    )
                    return updated.with_changes(value=pair)

                self.report(sub, f"{info.name} creates a resource but answers 200", fix=fix)
                return
