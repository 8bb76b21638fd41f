"""After Flask-AppBuilder examples/quickhowto/app/views.py and examples/simpleform,
onaio/superset-patchup (``route_base`` set in ``__init__``) and
Superset's ``SupersetAppInitializer.init_views`` (add_view / add_view_no_menu calls in one
function, views with their own ``route_base`` and ``@expose`` methods)."""

from flask_appbuilder import BaseView, ModelView, SimpleFormView, expose, has_access
from flask_appbuilder.charts.views import GroupByChartView
from flask_appbuilder.models.group import aggregate_count
from flask_appbuilder.models.sqla.interface import SQLAInterface

from .models import Contact, ContactGroup


class ContactModelView(ModelView):
    datamodel = SQLAInterface(Contact)
    label_columns = {"contact_group": "Contacts Group"}
    list_columns = ["name", "birthday", "contact_group"]
    exclude_route_methods = {"download", "action"}


class GroupModelView(ModelView):
    datamodel = SQLAInterface(ContactGroup)
    related_views = [ContactModelView]
    route_base = "/groups/contact"

    @expose("/summary/<int:pk>")
    @has_access
    def summary(self, pk):
        return ""

    def show(self, pk):  # redefined without @expose: no longer a route
        return ""


class ContactChartView(GroupByChartView):
    datamodel = SQLAInterface(Contact)
    chart_title = "Grouped contacts"
    definitions = [{"group": "contact_group", "series": [(aggregate_count, "contact_group")]}]


class MyView(BaseView):
    default_view = "method1"

    @expose("/method1/")
    @has_access
    def method1(self):
        return "Hello"

    @expose("/method2/<string:param1>", methods=["GET", "POST"])
    @has_access
    def method2(self, param1):
        return ""

    @expose("/method3/<string:param1>")
    @expose("/method3/")
    def method3(self, param1=None):
        return ""


class KeepAlive(BaseView):
    route_base = "/kv"
    include_route_methods = {"ping"}

    @expose("/ping", methods=["GET"])
    def ping(self):
        return "OK"

    @expose("/hidden")
    def hidden(self):
        return ""


class KetchupApiView(BaseView):
    """After onaio/superset-patchup's SupersetKetchupApiView: route_base set in __init__."""

    def __init__(self):
        self.route_base = "/superset-ketchup/api"
        super().__init__()

    @expose("/version/", methods=["GET"])
    def version(self):
        return ""


class MyFormView(SimpleFormView):
    form_title = "This is my first form view"
    message = "My form submitted"


def init_views(appbuilder):
    appbuilder.add_view(
        GroupModelView, "List Groups", icon="fa-folder-open-o", category="Contacts"
    )
    appbuilder.add_view(ContactModelView, "List Contacts", category="Contacts")
    appbuilder.add_view(ContactChartView, "Contacts Chart", category="Contacts")
    appbuilder.add_view(MyView(), "Method1", category="My View")
    appbuilder.add_link("Method2", href="/myview/method2/john", category="My View")
    appbuilder.add_view_no_menu(KeepAlive)
    appbuilder.add_view_no_menu(KetchupApiView)
    appbuilder.add_view_no_menu(MyFormView, endpoint="myform")
    appbuilder.add_view(ContactModelView, "Again")  # already added: skipped by FAB
