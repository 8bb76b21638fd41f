"""FLK108: ``yaml.load`` with a loader that builds arbitrary objects."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules.base import Example, ImportRequest, Rule
from architect_tui.rules.facts import dotted

UNSAFE = {"yaml.load", "yaml.load_all", "yaml.unsafe_load", "yaml.unsafe_load_all"}
SAFE_LOADERS = ("SafeLoader", "CSafeLoader", "BaseLoader")


class UnsafeYaml(Rule):
    id = "FLK108"
    title = "yaml.load without a safe loader"
    severity = "high"
    category = "security"
    rationale = (
        "yaml.load with Loader/FullLoader/UnsafeLoader (or none, on old PyYAML) turns tags like "
        "!!python/object/apply into function calls: loading an uploaded file runs its code. "
        "yaml.safe_load builds only plain data."
    )
    VALID = (
        Example("import yaml\ndata = yaml.safe_load(stream)\n"),
        Example("import yaml\ndata = yaml.load(stream, Loader=yaml.SafeLoader)\n"),
    )
    INVALID = (
        Example(
            "import yaml\nentries = yaml.load(upload.read(), Loader=yaml.Loader)\n",
            expected="import yaml\nentries = yaml.safe_load(upload.read())\n",
        ),
        Example(
            "from yaml import load\ndata = load(text)\n",
            expected="from yaml import load\nimport yaml\n\ndata = yaml.safe_load(text)\n",
        ),
        Example(
            "import yaml\nfor doc in yaml.load_all(text):\n    pass\n",
            expected="import yaml\nfor doc in yaml.safe_load_all(text):\n    pass\n",
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qnames(node, UNSAFE) & UNSAFE
        if not names or not node.args:
            return
        loader = next(
            (a.value for a in node.args if a.keyword and a.keyword.value == "Loader"),
            node.args[1].value if len(node.args) > 1 and node.args[1].keyword is None else None,
        )
        if loader is not None and (dotted(loader) or "").endswith(SAFE_LOADERS):
            return
        safe = "safe_load_all" if any(n.endswith("_all") for n in names) else "safe_load"

        def fix(updated: cst.CSTNode) -> cst.CSTNode:
            call = updated
            assert isinstance(call, cst.Call)
            first = call.args[0].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return call.with_changes(
                func=cst.Attribute(cst.Name("yaml"), cst.Name(safe)), args=[first]
            )

        self.report(
            node,
            f"{dotted(node.func)} can build arbitrary Python objects; use yaml.{safe}",
            fix=fix,
            imports=(ImportRequest("yaml"),),
        )
