"""A name a fix imports goes into the existing statement in its place, not first."""

from __future__ import annotations

from architect_tui.rules.engine import check_sources

VIEW = (
    "from flask import Blueprint, abort, flash, g\n\n"
    "bp = Blueprint('orders', __name__)\n\n\n"
    "@bp.route('/checkout', methods=['POST'])\n"
    "def checkout():\n"
    "    print('checkout', g.user.email)\n"
    "    flash('done')\n"
    "    abort(400)\n"
)


def test_added_name_is_merged_in_order() -> None:
    """An ordered import list stays ordered after the FLK303 fix adds current_app."""
    result = check_sources({"shop/orders.py": VIEW})
    fixed = result.fixed["shop/orders.py"]
    assert "from flask import Blueprint, abort, current_app, flash, g\n" in fixed
    assert fixed.count("import") == 1


def test_a_project_order_is_kept() -> None:
    """An import list the project keeps in its own order is not re-sorted."""
    unordered = VIEW.replace("Blueprint, abort, flash, g", "g, flash, Blueprint, abort")
    fixed = check_sources({"shop/orders.py": unordered}).fixed["shop/orders.py"]
    assert "from flask import g, flash, Blueprint, abort" in fixed.replace("current_app, ", "")
