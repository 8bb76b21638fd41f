"""FLK109: unpickling data that came from the client."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import is_tainted
from architect_tui.rules.base import Example, Rule

LOADERS = {
    "pickle.loads",
    "pickle.load",
    "cPickle.loads",
    "dill.loads",
    "marshal.loads",
    "shelve.open",
    "jsonpickle.decode",
}


class UnsafeDeserialization(Rule):
    id = "FLK109"
    title = "pickle of data the client controls"
    severity = "critical"
    category = "security"
    rationale = (
        "Unpickling runs code chosen by whoever wrote the bytes: a crafted cookie, form field or "
        "upload is remote code execution. Use JSON (in the signed session, or signed with "
        "itsdangerous) and validate its shape."
    )
    VALID = (
        Example("import pickle\ndef load_model():\n    return pickle.loads(MODEL_BYTES)\n"),
        Example(
            "import json\nfrom flask import request\ndef f():\n    return json.loads(request.data)\n"
        ),
    )
    INVALID = (
        Example(
            "import base64, pickle\n"
            "from flask import request\n"
            "def load_cart():\n"
            '    raw = request.cookies.get("cart")\n'
            "    return pickle.loads(base64.b64decode(raw))\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if not (self.qnames(node, LOADERS) & LOADERS) or not node.args:
            return
        fn = self.function_at(node)
        if is_tainted(node.args[0].value, fn, self.context.file):
            self.report(node, "Unpickling request data runs code chosen by the client")
