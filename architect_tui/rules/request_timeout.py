"""FLK307: an outgoing HTTP call without a timeout."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import source_text, walk
from architect_tui.rules.base import Example, Rule, RuleContext
from architect_tui.rules.facts import dotted, string_value

METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "request")
CALLS = {f"requests.{m}" for m in METHODS}
URLOPEN = {"urllib.request.urlopen", "urllib2.urlopen"}
# Objects whose methods talk HTTP with no default timeout.
SESSION_CLASSES = {"Session", "session", "AuthorizedSession", "OAuth2Session", "OAuth1Session"}
SESSION_MODULES = ("requests", "google.auth.transport", "requests_oauthlib", "authlib")


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
    VALID = (
        Example("import requests\nrequests.get(url, timeout=(3, 10))\n"),
        Example("import requests\ndef f(**kw):\n    return requests.get(url, **kw)\n"),
        Example(
            "import requests\ndef f():\n    kw = {'timeout': 5, 'headers': h}\n"
            "    return requests.post(url, **kw)\n"
        ),
        Example("from urllib.request import urlopen\nurlopen(url, timeout=10)\n"),
        # db.session is not an HTTP session
        Example("def f():\n    return db.session.get(User, 1)\n"),
    )
    INVALID = (
        Example("import requests\nresponse = requests.get(url, headers=h)\n"),
        Example("import requests\nrequests.Session().post(url, json=body)\n"),
        Example(
            "from google.auth.transport.requests import AuthorizedSession\n"
            "authed_session = AuthorizedSession(credentials)\n"
            "def push(body):\n    return authed_session.post(url, json=body)\n"
        ),
        Example("import urllib.request\nurllib.request.urlopen(url).read()\n"),
        Example(
            "import requests\ndef f():\n    kw = {'headers': h, 'verify': True}\n"
            "    return requests.get(url, **kw)\n"
        ),
        Example(
            "import requests\ndef f():\n    with requests.Session() as s:\n"
            "        return s.get(url)\n"
        ),
    )

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.sessions: set[str] = set()

    def visit_Module(self, node: cst.Module) -> None:
        if "Session" not in self.context.source and "session(" not in self.context.source:
            return
        stack: list[cst.CSTNode] = [node]
        while stack:  # every scope: walk() stops at nested defs, sessions live anywhere
            scope = stack.pop()
            for sub in walk(scope):
                if sub is not scope and isinstance(sub, cst.FunctionDef | cst.ClassDef):
                    stack.append(sub.body)
                elif isinstance(sub, cst.Assign) and self._session_ctor(sub.value):
                    self.sessions |= {dotted(t.target) or "" for t in sub.targets}
                elif (
                    isinstance(sub, cst.WithItem)
                    and sub.asname is not None
                    and self._session_ctor(sub.item)
                ):
                    self.sessions.add(dotted(sub.asname.name) or "")
        self.sessions.discard("")

    def _session_ctor(self, node: cst.BaseExpression) -> bool:
        if not isinstance(node, cst.Call):
            return False
        name = dotted(node.func) or ""
        resolved = self.context.file.resolve(name) or name
        return name.rpartition(".")[2] in SESSION_CLASSES and resolved.startswith(SESSION_MODULES)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        urlopen = False
        if self.qnames(node, CALLS) & CALLS:
            pass
        elif self.qnames(node, URLOPEN) & URLOPEN:
            urlopen = True
        elif isinstance(func, cst.Attribute) and func.attr.value in METHODS:
            owner = func.value
            if not (self._session_ctor(owner) or (dotted(owner) or "") in self.sessions):
                return
        else:
            return
        if any(a.keyword and a.keyword.value == "timeout" for a in node.args):
            return
        if urlopen and len([a for a in node.args if a.keyword is None and not a.star]) >= 3:
            return
        for arg in node.args:
            if arg.star == "**" and not self._kwargs_lack_timeout(arg.value, node):
                return
        self.report(node, "HTTP call without timeout= can hang the worker forever")

    def _kwargs_lack_timeout(self, value: cst.BaseExpression, node: cst.Call) -> bool:
        """``**kw`` built in this function as a dict without "timeout" (and never given one
        later); a ``**kwargs`` parameter or anything else is given the benefit of the doubt."""
        name = dotted(value)
        fn = self.function_at(node)
        if name is None or fn is None:
            return False
        built = [
            sub.value
            for sub in walk(fn.node.body)
            if isinstance(sub, cst.Assign) and any(dotted(t.target) == name for t in sub.targets)
        ]
        if not built or not all(isinstance(v, cst.Dict) for v in built):
            return False
        for v in built:
            assert isinstance(v, cst.Dict)
            keys = [
                string_value(e.key) for e in v.elements if isinstance(e, cst.DictElement)
            ]
            if "timeout" in keys or any(isinstance(e, cst.StarredDictElement) for e in v.elements):
                return False
        return "timeout" not in source_text(fn.node.body).replace(f"{name}(", "")
