"""FLK307: an outgoing HTTP call without a timeout."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules.base import Example, Rule

CALLS = {f"requests.{m}" for m in ("get", "post", "put", "patch", "delete", "head", "request")}


class NoRequestTimeout(Rule):
    id = "FLK307"
    title = "Outgoing HTTP call without a timeout"
    severity = "medium"
    category = "errors"
    rationale = (
        "requests waits forever by default: one slow partner API hangs the worker, and enough of "
        "them take the whole site down. Pass timeout=(connect, read) and map the failure to a "
        "clear answer (502, or a cached value)."
    )
    VALID = (Example("import requests\nrequests.get(url, timeout=(3, 10))\n"),)
    INVALID = (Example("import requests\nresponse = requests.get(url, headers=h)\n"),)

    def visit_Call(self, node: cst.Call) -> None:
        if not (self.qnames(node, CALLS) & CALLS):
            return
        if any(a.keyword and a.keyword.value == "timeout" for a in node.args) or any(
            a.star == "**" for a in node.args
        ):
            return
        self.report(node, "HTTP call without timeout= can hang the worker forever")
