"""Reproduces pallets-eco/flask-admin examples/sqla/admin/main.py: ``Admin(app, ...)`` then
``add_view`` of ModelView subclasses (one with its own ``__init__`` calling ``super()``), plus
the custom ``BaseView`` with ``@expose`` of examples/simple and a ModelView that exposes its own
API next to the inherited views (examples/sqla/admin/user_management.py)."""

from flask import redirect, url_for
from flask_admin import Admin, BaseView, expose
from flask_admin.contrib.sqla import ModelView
from flask_admin.theme import Bootstrap4Theme

from . import app, db
from .models import AVAILABLE_USER_TYPES, Model1, Post, Tag, Tree, User


@app.route("/")
def index():
    return '<a href="/admin/">Click me to get to Admin!</a>'


@app.route("/favicon.ico")
def favicon():
    return redirect(url_for("static", filename="/favicon.ico"))


class UserAdmin(ModelView):
    can_set_page_size = True
    page_size = 5
    can_view_details = True
    action_disallowed_list = ["delete"]
    form_choices = {"type": AVAILABLE_USER_TYPES}
    column_list = ["type", "first_name", "last_name", "email"]
    column_searchable_list = ["first_name", "last_name", "email"]


class PostAdmin(ModelView):
    column_display_pk = True
    column_list = ["id", "title"]
    can_export = True
    export_types = ["csv"]

    def __init__(self, session):
        # Just call parent class with predefined model.
        super().__init__(Post, session)


class TreeView(ModelView):
    column_list = ["id", "name"]

    # override the 'render' method to pass your own parameters to the template
    def render(self, template, **kwargs):
        return super().render(template, foo="bar", **kwargs)


class EditableView(ModelView):
    column_list = ["test1"]
    column_editable_list = ["test1"]


class MyAdminView(BaseView):
    @expose("/")
    def index(self):
        return self.render("myadmin.html")


class AnotherAdminView(BaseView):
    @expose("/")
    def index(self):
        return self.render("anotheradmin.html")

    @expose("/test/")
    def test(self):
        return self.render("test.html")


class UserManagementView(ModelView):
    @expose("/")
    def index(self):
        return self.render("admin/user_management.html")

    @expose("/api/users", methods=["GET"])
    def api_users(self):
        return ""

    @expose("/api/users", methods=["POST"])
    def api_create_user(self):
        return ""

    @expose("/api/users/<user_id>", methods=["PUT"])
    def api_update_user(self, user_id):
        return ""


admin = Admin(app, name="Example: SQLAlchemy", theme=Bootstrap4Theme(swatch="default"))

admin.add_view(UserAdmin(User, db.session))
admin.add_view(ModelView(Tag, db.session))
admin.add_view(PostAdmin(db.session))
admin.add_view(EditableView(Model1, db.session, name="Editable View", category="Other"))
admin.add_view(TreeView(Tree, db.session, category="Other"))
admin.add_view(MyAdminView(name="view1", category="Test"))
admin.add_view(AnotherAdminView(name="view2", category="Test"))
admin.add_view(UserManagementView(User, db.session, endpoint="user_management", url="users"))
