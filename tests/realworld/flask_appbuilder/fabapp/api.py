"""After Flask-AppBuilder examples/crud_rest_api/app/api.py and Superset's BaseSupersetApi:
``ModelRestApi`` with ``resource_name``, a ``BaseApi`` with ``@expose`` methods, an explicit
``route_base``, a version."""

from flask_appbuilder.api import BaseApi, ModelRestApi, expose, protect, safe
from flask_appbuilder.models.sqla.interface import SQLAInterface

from . import appbuilder
from .models import Contact, ContactGroup


class ContactModelApi(ModelRestApi):
    resource_name = "contact"
    datamodel = SQLAInterface(Contact)
    exclude_route_methods = ("info",)


class GroupModelApi(ModelRestApi):
    datamodel = SQLAInterface(ContactGroup)
    version = "v2"


class ExampleApi(BaseApi):
    @expose("/greeting")
    @protect()
    def greeting(self):
        return self.response(200, message="Hello")

    @expose("/greeting2", methods=["POST", "GET"])
    @safe
    def greeting2(self):
        return ""


class HealthApi(BaseApi):
    route_base = "/health"

    @expose("/", methods=["GET"])
    def health(self):
        return "OK"


appbuilder.add_api(ContactModelApi)
appbuilder.add_api(GroupModelApi)
appbuilder.add_api(ExampleApi)
appbuilder.add_api(HealthApi)
