"""Staff area under /admin. Every route of this blueprint (and of the nested reports blueprint)
requires an administrator: see :func:`require_admin`."""

from flask import Blueprint, abort, g

from shop.admin.reports import reports_bp

admin_bp = Blueprint("admin", __name__, url_prefix="/admin")
admin_bp.register_blueprint(reports_bp)


@admin_bp.before_request
def require_admin():
    if not g.user.is_admin:
        abort(403)


from shop.admin import views  # noqa: E402,F401
