"""The reader survives whatever code it meets: random mixes of Flask-shaped statements."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from architect_tui.analysis import read_project

FRAGMENTS = [
    "from flask import Flask, Blueprint",
    "from flask_restful import Api, Resource",
    "from flask_restx import Api as XApi, Namespace",
    "import os",
    "app = Flask(__name__)",
    "bp = Blueprint('b', __name__, url_prefix=os.environ.get('P'))",
    "bp = Blueprint(NAME, __name__)",
    "app.register_blueprint(bp, url_prefix=PREFIX)",
    "app.register_blueprint(bp)",
    "app.register_blueprint(app)",
    "bp.register_blueprint(bp)",
    "api = Api(bp)",
    "api = Api(app, prefix=1)",
    "api.add_resource(Resource, '/r', None)",
    "ns = Namespace(None)",
    "x = XApi(bp); x.add_namespace(ns, path=3)",
    "@app.route('/x')\ndef x():\n    return 1",
    "@bp.route(42, methods='GET')\ndef y():\n    pass",
    "@bp.get(None)\nclass C:\n    pass",
    "for r in RULES:\n    app.add_url_rule(r, view_func=x)",
    "while True:\n    app = app",
    "def create_app(c=None):\n    a = Flask(c)\n    a.register_blueprint(bp)\n    return a",
    "def f(n):\n    return f(n)",
    "f(1)",
    "class V(Resource):\n    methods = 5\n    def get(self):\n        return super().get()",
    "app.add_url_rule('/v', view_func=V.as_view(None))",
    "PREFIX = '/p' + 1",
    "RULES = [1, '/a', None]",
    "NAME = f'{PREFIX}'",
    "app.config.from_object(object)",
    "app.static_folder = None",
    "del app",
    "x = [i for i in range(3) if i]",
    "y = {**{}, 'a': [*()]}",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(FRAGMENTS), max_size=12), min_size=1, max_size=3))
def test_reader_never_raises(modules: list[list[str]]) -> None:
    """Any mix of these statements, over a few modules importing each other, maps without error."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "pkg").mkdir()
        (root / "pkg" / "__init__.py").write_text("from .m0 import *\n", encoding="utf-8")
        for index, lines in enumerate(modules):
            header = "".join(f"from .m{j} import *\n" for j in range(index))
            (root / "pkg" / f"m{index}.py").write_text(
                header + "\n".join(lines) + "\n", encoding="utf-8"
            )
        project = read_project(root, use_cache=False)
        project.to_json()
        for route in project.routes:
            assert route.rule.startswith("/")
            assert all(m == m.upper() for m in route.methods)
