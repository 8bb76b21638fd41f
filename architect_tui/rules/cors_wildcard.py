"""FLK111: CORS that lets any origin make credentialed requests."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code, walk
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import string_value

CORS_NAMES = {"flask_cors.CORS", "flask_cors.cross_origin"}


class CorsWildcardCredentials(Rule):
    id = "FLK111"
    title = "CORS: any origin, with credentials"
    severity = "high"
    category = "security"
    rationale = (
        "Allowing every origin together with credentials (or reflecting the Origin header) lets "
        "any web page call the API with the visitor's cookies and read the answer. List the "
        "origins that may call you, or drop credentials."
    )
    VALID = (
        Example(
            'from flask_cors import CORS\nCORS(app, origins=["https://shop.example"], supports_credentials=True)\n'
        ),
        Example("from flask_cors import CORS\nCORS(app)\n"),
    )
    INVALID = (
        Example("from flask_cors import CORS\nCORS(app, supports_credentials=True)\n"),
        Example(
            "def add_cors(response):\n"
            '    response.headers["Access-Control-Allow-Origin"] = "*"\n'
            '    response.headers["Access-Control-Allow-Credentials"] = "true"\n'
            "    return response\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if not any(
            n.endswith("CORS") or n.endswith("cross_origin") for n in self.qnames(node, CORS_NAMES)
        ):
            return
        kwargs = {a.keyword.value: a.value for a in node.args if a.keyword}
        creds = kwargs.get("supports_credentials")
        if creds is None or code(creds) != "True":
            return
        origins = kwargs.get("origins") or kwargs.get("resources")
        if origins is None or '"*"' in code(origins) or "'*'" in code(origins):
            self.report(node, "CORS allows every origin with credentials")

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        star = creds = None
        for sub in walk(node.body):
            if isinstance(sub, cst.Assign) and isinstance(sub.targets[0].target, cst.Subscript):
                text = code(sub.targets[0].target)
                value = string_value(sub.value)
                if "Access-Control-Allow-Origin" in text and (
                    value == "*" or "origin" in code(sub.value).lower()
                ):
                    star = sub
                if "Access-Control-Allow-Credentials" in text and (value or "").lower() == "true":
                    creds = sub
        if star is not None and creds is not None:
            self.report(
                star, "Access-Control-Allow-Origin is any origin while credentials are allowed"
            )
