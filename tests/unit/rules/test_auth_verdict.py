"""One auth verdict: rule FLK112 and the TUI's details pane agree (they used to disagree on
examples/shop: the pane flagged view_cart, add_to_cart and invoice, the rule only invoice)."""

from __future__ import annotations

from architect_tui.analysis import read_project
from architect_tui.rules.auth import RouteShape, auth_gap, is_auth_decorator
from architect_tui.rules.engine import CheckResult
from architect_tui.ui.facts import auth_gap as pane_auth_gap

from .conftest import SHOP


def test_pane_and_rule_agree_on_the_shop(shop_result: CheckResult, tmp_path, monkeypatch) -> None:
    """Both flag exactly orders.invoice (planted flaw F09)."""
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path))
    project = read_project(SHOP)
    pane = sorted({r.endpoint for r in project.routes if pane_auth_gap(project, r) is not None})
    rule = sorted(
        {
            r.endpoint
            for v in shop_result.violations
            if v.rule == "FLK112"
            for r in project.routes
            if r.span.file == v.file and r.span.line <= v.line <= r.span.end_line
        }
    )
    assert pane == rule == ["orders.invoice"]


def test_verdict_on_shapes() -> None:
    """Same resource, all guarded: a gap; a public cart next to guarded orders: none; a hook
    that enforces a login: none; entry points: none."""
    detail = RouteShape("detail", ("/<int:order_id>",), ("GET",), ("login_required",))
    cancel = RouteShape("cancel", ("/<int:order_id>/cancel",), ("POST",), ("login_required",))
    invoice = RouteShape("invoice", ("/<int:order_id>/invoice",), ("GET",), ())
    cart = RouteShape("cart", ("/cart",), ("GET",), ())
    gap = auth_gap(invoice, [detail, cancel, cart])
    assert gap is not None and gap.group == ("detail", "cancel") and gap.example == "login_required"
    assert auth_gap(cart, [detail, cancel, invoice]) is None
    assert auth_gap(invoice, [detail, cancel, cart], hook_guarded=True) is None
    login = RouteShape("login", ("/<int:order_id>/login",), ("GET",), ())
    assert auth_gap(login, [detail, cancel]) is None
    assert is_auth_decorator("auth.login_required") and is_auth_decorator("jwt_required()")
    assert not is_auth_decorator("auth_bp.route('/x')")
