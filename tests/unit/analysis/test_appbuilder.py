"""Flask-AppBuilder model: what it lists is in real FAB's url_map, what it cannot know it says.

The full default-config shape is checked by tests/realworld/flask_appbuilder (97 routes against
real FAB); these tests cover the settings the model does not follow and the code links.
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from architect_tui.analysis import read_project

from .conftest import run_oracle

REALWORLD = Path(__file__).resolve().parents[2] / "realworld"

LDAP_APP = '''
"""An app whose settings change what FAB's security manager adds."""
from flask import Flask
from flask_appbuilder import AppBuilder, BaseView, expose
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_mapping(
    SECRET_KEY="x",
    SQLALCHEMY_DATABASE_URI="sqlite://",
    AUTH_TYPE=2,
    AUTH_LDAP_SERVER="ldap://localhost",
    FAB_ADD_MENU_API=False,
    FAB_ADD_SECURITY_PERMISSION_VIEW=False,
)
db = SQLAlchemy(app)


class Pages(BaseView):
    route_base = "/pages"

    @expose("/<int:page>", methods=["GET", "POST"])
    def page(self, page):
        return ""


with app.app_context():
    appbuilder = AppBuilder(app, db.session)
    appbuilder.add_view_no_menu(Pages, endpoint="pages")
'''


def _routes(project: object) -> set[tuple[str, tuple[str, ...], str]]:
    return {
        (r.rule, tuple(r.methods), r.endpoint)
        for r in project.routes  # type: ignore[attr-defined]
        if r.endpoint != "static"
    }


def test_settings_it_does_not_follow_are_said_not_guessed(tmp_path: Path) -> None:
    """``AUTH_TYPE = AUTH_LDAP``: the login and user views are not listed (a diagnostic says
    why); everything listed is in real FAB's url_map, and the rest is only those views."""
    (tmp_path / "wsgi.py").write_text(dedent(LDAP_APP), encoding="utf-8")
    project = read_project(tmp_path, use_cache=False)
    got = _routes(project)
    built = run_oracle([tmp_path])[str(tmp_path)]
    assert built["error"] is None, built["error"]
    truth = {(rule, tuple(methods), ep) for rule, methods, ep in built["rules"] if ep != "static"}
    assert got <= truth
    unlisted = {ep.split(".")[0] for _, _, ep in truth - got}
    assert unlisted == {"AuthLDAPView", "UserLDAPModelView"}
    assert ("/pages/<int:page>", ("GET", "POST"), "pages.page") in got
    assert not any(ep.startswith(("MenuApi.", "PermissionModelView.")) for _, _, ep in got)
    notes = [d.message for d in project.diagnostics]
    assert any("login, registration and user views not listed: AUTH_TYPE" in n for n in notes)


def test_run_time_views_give_a_diagnostic(tmp_path: Path) -> None:
    """An addon manager, a view class from a variable FAB cannot see: warnings, no routes."""
    (tmp_path / "wsgi.py").write_text(
        dedent(
            """
            import os
            from flask import Flask
            from flask_appbuilder import AppBuilder

            app = Flask(__name__)
            app.config["ADDON_MANAGERS"] = ["addon.manager.Manager"]
            appbuilder = AppBuilder(app, None)
            appbuilder.add_view(os.environ["VIEW"], "Dynamic")
            """
        ),
        encoding="utf-8",
    )
    project = read_project(tmp_path, use_cache=False)
    notes = [d.message for d in project.diagnostics]
    assert any("addon views not listed: ADDON_MANAGERS" in n for n in notes)
    assert any(n.startswith("Flask-AppBuilder view not listed") for n in notes)
    assert project.route_by_endpoint("IndexView.index") is not None


def test_own_exposed_methods_point_at_their_code() -> None:
    """``@expose`` methods of a project view are its routes' code; inherited ModelView routes
    point at the ``add_view`` call that made them."""
    project = read_project(REALWORLD / "flask_appbuilder", use_cache=False)
    own = project.route_by_endpoint("GroupModelView.summary")
    assert own is not None and (own.rule, own.view, own.span.file) == (
        "/groups/contact/summary/<int:pk>",
        "summary",
        "fabapp/views.py",
    )
    inherited = project.route_by_endpoint("ContactModelView.edit")
    assert inherited is not None and inherited.methods == ("GET", "POST")
    lines = (REALWORLD / "flask_appbuilder" / "fabapp" / "views.py").read_text().splitlines()
    call = next(i for i, line in enumerate(lines) if "add_view(ContactModelView" in line)
    assert inherited.span.line == call + 1
    api = project.route_by_endpoint("ExampleApi.greeting2")
    assert api is not None and api.rule == "/api/v1/exampleapi/greeting2"


def test_a_config_known_at_run_time_lists_only_what_does_not_depend_on_it(
    tmp_path: Path,
) -> None:
    """``from_object`` of an environment variable: FAB's setting-dependent views are left out,
    with diagnostics naming the settings; the unconditional ones are still listed."""
    (tmp_path / "wsgi.py").write_text(
        dedent(
            """
            import os
            from flask import Flask
            from flask_appbuilder import AppBuilder

            app = Flask(__name__)
            app.config.from_object(os.environ["SETTINGS"])
            appbuilder = AppBuilder(app, None)
            """
        ),
        encoding="utf-8",
    )
    project = read_project(tmp_path, use_cache=False)
    assert {ep for _, _, ep in _routes(project)} == {
        "UtilView.back",
        "LocaleView.index",
        "appbuilder.static",
    }
    notes = [d.message for d in project.diagnostics if "Flask-AppBuilder" in d.message]
    depend = [n for n in notes if "depend on" in n]
    assert len(depend) == 1 and "FAB_ADD_MENU_API" in depend[0]
    assert any("security views not listed" in n for n in notes)
    assert any("index view not listed" in n for n in notes)
