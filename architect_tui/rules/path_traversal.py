"""FLK107: sending a file whose path the client chooses."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import is_tainted
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted

SEND_FILE = {"flask.send_file", "flask.helpers.send_file"}
SEND_FROM_DIR = {"flask.send_from_directory", "flask.helpers.send_from_directory"}


class PathTraversal(Rule):
    id = "FLK107"
    title = "File sent from a request-controlled path"
    severity = "high"
    category = "security"
    rationale = (
        "send_file trusts its path: '../config.py' or an absolute path (which os.path.join "
        "keeps) downloads any file the process can read. send_from_directory(folder, name) "
        "refuses paths outside the folder; use it, with a folder the client cannot choose."
    )
    VALID = (
        Example(
            "from flask import request, send_from_directory\n"
            "@bp.get('/download')\n"
            "def download():\n"
            '    return send_from_directory(EXPORT_DIR, request.args["file"])\n'
        ),
        Example(
            "from flask import send_file\ndef logo():\n    return send_file('static/logo.png')\n"
        ),
        # an export built in memory from request parameters (CTFd/redash CSV exports)
        Example(
            "from io import BytesIO\nfrom flask import request, send_file\n"
            "@bp.get('/export')\ndef export():\n"
            "    data = build_csv(request.args.get('table'))\n"
            "    return send_file(BytesIO(data.encode()), download_name='x.csv')\n"
        ),
    )
    INVALID = (
        Example(
            "import os\n"
            "from flask import request, send_file\n"
            "@bp.get('/download')\n"
            "def download():\n"
            '    name = request.args.get("file", "")\n'
            "    path = os.path.join(EXPORT_DIR, name)\n"
            "    return send_file(path, as_attachment=True)\n"
        ),
        Example(
            "from flask import send_from_directory\n"
            "@bp.get('/files/<path:folder>/<name>')\n"
            "def files(folder, name):\n"
            "    return send_from_directory(folder, name)\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qnames(node, SEND_FILE | SEND_FROM_DIR)
        if not node.args or not names & (SEND_FILE | SEND_FROM_DIR):
            return
        fn = self.function_at(node)
        path = node.args[0].value
        if names & SEND_FILE and isinstance(path, cst.Call):
            callee = (dotted(path.func) or "").rpartition(".")[2]
            if callee in {"BytesIO", "StringIO", "SpooledTemporaryFile"}:
                return  # a file object built in memory: no path at all
        if is_tainted(path, fn, self.context.file):
            what = "send_file path" if names & SEND_FILE else "send_from_directory folder"
            self.report(node, f"{what} is controlled by the request (path traversal)")
