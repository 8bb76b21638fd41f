"""The example project (``examples/shop``) is a real Flask app, and its REVIEW_NOTES.md tell the truth.

The later review issues score reviews against ``REVIEW_NOTES.md``, and the static reader is compared
with the example's ``url_map``; both only mean something if the example builds, serves what it
claims and carries its flaws on the lines the notes give. The app is built in a subprocess with the
venv's Python and ``cwd=examples/shop`` (as a user would run it), so the ``shop`` package never
lands in this test process's ``sys.modules``. One subprocess serves every test of the module.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SHOP = Path(__file__).resolve().parents[2] / "examples" / "shop"
NOTES = SHOP / "REVIEW_NOTES.md"

# Runs inside examples/shop. Writes one JSON document to argv[1]; the app's own print() calls
# (one of the planted flaws) go to stdout, which is why the result does not.
PROBE = r"""
import json
import sys

from shop import create_app
from shop.cli import seed_demo_data
from shop.extensions import db

app = create_app("testing")
app.config["API_KEYS"] = ["test-key"]
with app.app_context():
    db.create_all()
    seed_demo_data()

client = app.test_client()


def hit(name, method, url, **kwargs):
    response = client.open(url, method=method, **kwargs)
    result["responses"][name] = {
        "status": response.status_code,
        "location": response.headers.get("Location"),
        "content_type": response.content_type,
        "body": response.get_data(as_text=True),
    }


result = {
    "config": {
        "TESTING": app.config["TESTING"],
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
    },
    "blueprints": {
        key: {"name": bp.name, "url_prefix": bp.url_prefix} for key, bp in app.blueprints.items()
    },
    "url_map": sorted(
        [rule.rule, sorted(rule.methods - {"HEAD", "OPTIONS"}), rule.endpoint]
        for rule in app.url_map.iter_rules()
    ),
    "responses": {},
}
hit("catalog", "GET", "/catalog/")
hit("api_products", "GET", "/api/v1/products/")
hit("legacy_stock", "GET", "/api/legacy/stock")
hit("orders_anonymous", "GET", "/orders/")
hit("search_normal", "GET", "/catalog/search", query_string={"q": "lantern"})
hit("search_injected", "GET", "/catalog/search", query_string={"q": "%' OR 1=1 --"})
hit("search_missing_q", "GET", "/catalog/search")
hit("template_injection", "GET", "/%7B%7B7*7%7D%7D")
hit("admin_anonymous", "GET", "/admin/")
hit("api_status_404", "GET", "/api/v1/orders/999/status", headers={"X-API-Key": "test-key"})
hit("api_create", "POST", "/api/v1/products/", headers={"X-API-Key": "test-key"},
    json={"sku": "NEW-1", "name": "New thing", "price_cents": 100})

with open(sys.argv[1], "w", encoding="utf-8") as fh:
    json.dump(result, fh)
"""

# What each planted flaw's line must still contain: the notes and the code move together.
FLAW_CODE = {
    "F01": "f\"WHERE is_active AND name LIKE '%{term}%'",
    "F02": "SECRET_KEY = ",
    "F03": "SUPPLIER_API_TOKEN = ",
    "F04": "postgresql://shop_admin:",
    "F05": "DEBUG = True",
    "F06": 'app.run(host="0.0.0.0"',
    "F07": "self.password_hash = hashlib.md5",
    "F08": "if not g.user.is_admin:",
    "F09": '@bp.get("/<int:order_id>/invoice")',
    "F10": "order = db.get_or_404(Order, order_id)",
    "F11": '@bp.route("/<int:order_id>/cancel", methods=["GET", "POST"])',
    "F12": "@csrf.exempt",
    "F13": "return pickle.loads(",
    "F14": "    except:",
    "F15": "    except Exception:",
    "F16": "db.session.commit()",
    "F17": "if product is None or product.stock < quantity:",
    "F18": "cart[product_id] = cart.get(product_id, 0) + request.form.get(",
    "F19": 'print("checkout"',
    "F20": 'print(f"login attempt',
    "F21": 'return redirect(request.args.get("next")',
    "F22": "except IntegrityError:",
    "F23": 'term = request.args["q"]',
    "F24": "@app.errorhandler(Exception)",
    "F25": 'f"<h1>Page not found</h1>',
    "F26": "total = len(query.all())",
    "F27": '"users": len(User.query.all()),',
    "F28": "for item in order.items:",
    "F29": "writer.writerow([order.id, order.user.email",
    "F30": "return send_file(path, as_attachment=True)",
    "F31": "yaml.load(upload.read(), Loader=yaml.Loader)",
    "F32": "db.session.commit()",
    "F33": "verify=False,",
    "F34": "response = requests.get(",
    "F35": "return product",
    "F36": "return Product.query.filter_by(is_active=True).order_by(Product.id).all()",
    "F37": "abort(404)",
    "F38": "from shop.notifications import send_order_confirmation",
    "F39": "send_order_confirmation(order)",
    "F40": 'user_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)',
}

CATEGORIES = {"security", "database", "errors", "rest", "structure"}
SEVERITIES = {"critical", "high", "medium", "low", "info"}
ROW = re.compile(r"^\|\s*(F\d{2})\s*\|\s*`?([^|`]+?)`?\s*\|\s*(\d+)\s*\|\s*(\w+)\s*\|\s*(\w+)\s*\|")


def _run_in_shop(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the venv's Python inside examples/shop without writing bytecode into the example."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("SHOP_CONFIG", None)
    return subprocess.run(
        [sys.executable, *args], cwd=SHOP, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("shop") / "probe.json"
    proc = _run_in_shop(["-c", PROBE, str(out)])
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def _rules(probe: dict[str, Any]) -> dict[tuple[str, str], list[str]]:
    return {(rule, endpoint): methods for rule, methods, endpoint in probe["url_map"]}


def test_factory_builds_the_testing_app_on_in_memory_sqlite(probe: dict[str, Any]) -> None:
    """create_app("testing") picks TestingConfig: TESTING on, SQLite in memory."""
    assert probe["config"] == {"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"}


def test_at_least_five_project_blueprints_including_a_nested_one(probe: dict[str, Any]) -> None:
    """Blueprints of the shop itself (not restx_doc), with reports nested under admin."""
    own = {key for key in probe["blueprints"] if key != "restx_doc"}
    assert len(own) >= 5
    assert {"auth", "catalog", "orders", "admin", "admin.reports", "api", "legacy"} <= own
    assert probe["blueprints"]["admin.reports"] == {"name": "reports", "url_prefix": "/reports"}


@pytest.mark.parametrize(
    ("rule", "endpoint", "methods"),
    [
        # url_prefix in Blueprint(...), @bp.get and @bp.post on one rule
        ("/auth/login", "auth.login_form", ["GET"]),
        ("/auth/login", "auth.login", ["POST"]),
        # url_prefix given in register_blueprint(...)
        ("/catalog/", "catalog.index", ["GET"]),
        ("/catalog/search", "catalog.search", ["GET"]),
        # stacked @bp.route decorators on one view
        ("/orders/", "orders.list_orders", ["GET"]),
        ("/orders/history", "orders.list_orders", ["GET"]),
        ("/orders/<int:order_id>/cancel", "orders.cancel", ["GET", "POST"]),
        # MethodView + add_url_rule, methods from the class
        ("/admin/products/", "admin.products", ["GET", "POST"]),
        ("/admin/products/<int:product_id>", "admin.product", ["DELETE", "PUT"]),
        # nested blueprint: prefixes and endpoint names compose
        ("/admin/reports/sales", "admin.reports.sales", ["GET"]),
        # Flask-RESTX namespace added with a path, and a plain view on the same blueprint
        ("/api/v1/products/", "api.products_product_list", ["GET", "POST"]),
        ("/api/v1/products/<int:product_id>", "api.products_product_item", ["GET"]),
        ("/api/v1/orders/<int:order_id>/status", "api.order_status", ["GET"]),
        # Flask-RESTful add_resource with two URLs and an explicit endpoint
        ("/api/legacy/stock", "legacy.stock", ["GET"]),
        ("/api/legacy/stock/<int:product_id>", "legacy.stock", ["GET"]),
    ],
)
def test_url_map_has_each_registration_pattern(
    probe: dict[str, Any], rule: str, endpoint: str, methods: list[str]
) -> None:
    """Each routing pattern the static reader must handle is present in Flask's own url_map."""
    assert _rules(probe).get((rule, endpoint)) == methods


def test_pages_and_apis_answer(probe: dict[str, Any]) -> None:
    """The seeded catalogue is served as HTML, RESTX JSON and RESTful JSON; orders need a login."""
    responses = probe["responses"]
    assert responses["catalog"]["status"] == 200
    assert "Enamel camping mug" in responses["catalog"]["body"]
    assert "Discontinued lantern" not in responses["catalog"]["body"]

    products = json.loads(responses["api_products"]["body"])
    assert responses["api_products"]["status"] == 200
    assert [p["sku"] for p in products] == ["MUG-001", "MUG-002", "TEE-010", "TEE-011", "BAG-100"]

    assert json.loads(responses["legacy_stock"]["body"])["BAG-100"] == 8
    assert responses["orders_anonymous"]["status"] == 302
    assert responses["orders_anonymous"]["location"].startswith("/auth/login?next=")


def test_planted_flaws_behave_as_the_notes_say(probe: dict[str, Any]) -> None:
    """F01, F23/F24, F25, F08, F37, F35 are observable from outside, not just in the source."""
    responses = probe["responses"]
    assert "Discontinued lantern" not in responses["search_normal"]["body"]
    assert "Discontinued lantern" in responses["search_injected"]["body"]  # F01
    assert responses["search_missing_q"]["status"] == 500  # F23 turned into a 500 by F24
    assert "nothing at /49." in responses["template_injection"]["body"]  # F25
    assert responses["admin_anonymous"]["status"] == 500  # F08
    assert responses["api_status_404"]["status"] == 404
    assert responses["api_status_404"]["content_type"].startswith("text/html")  # F37
    assert responses["api_create"]["status"] == 200  # F35


def test_circular_import_only_works_in_one_order() -> None:
    """F38: importing shop.notifications first trips over the services <-> notifications cycle."""
    proc = _run_in_shop(["-c", "import shop.notifications"])
    assert proc.returncode != 0
    assert "circular import" in proc.stderr


def _note_rows() -> list[tuple[str, str, int, str, str]]:
    rows = []
    for text in NOTES.read_text(encoding="utf-8").splitlines():
        match = ROW.match(text)
        if match:
            fid, file, line, category, severity = match.groups()
            rows.append((fid, file.strip(), int(line), category, severity))
    return rows


def test_review_notes_rows_are_well_formed() -> None:
    """Ids run F01.. without gaps, every category and severity is one of the documented ones."""
    rows = _note_rows()
    assert len(rows) >= 25
    assert [fid for fid, *_ in rows] == [f"F{i:02d}" for i in range(1, len(rows) + 1)]
    assert {category for *_, category, _ in rows} <= CATEGORIES
    assert {severity for *_, severity in rows} <= SEVERITIES


def test_review_notes_point_at_existing_non_blank_lines() -> None:
    """Every file:line of the table exists in the example and is not an empty line."""
    for fid, file, line, _, _ in _note_rows():
        path = SHOP / file
        assert path.is_file(), f"{fid}: {file} does not exist"
        lines = path.read_text(encoding="utf-8").splitlines()
        assert 1 <= line <= len(lines), f"{fid}: {file} has {len(lines)} lines, not {line}"
        assert lines[line - 1].strip(), f"{fid}: {file}:{line} is blank"


def test_review_notes_lines_still_hold_the_flawed_code() -> None:
    """The code each flaw is about is on the documented line (edit code and notes together)."""
    rows = {fid: (file, line) for fid, file, line, _, _ in _note_rows()}
    assert set(rows) == set(FLAW_CODE)
    for fid, snippet in FLAW_CODE.items():
        file, line = rows[fid]
        text = (SHOP / file).read_text(encoding="utf-8").splitlines()[line - 1]
        assert snippet in text, f"{fid}: {file}:{line} is {text.strip()!r}, expected {snippet!r}"
