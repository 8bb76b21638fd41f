"""Reproduces pgadmin-org/pgadmin4 web/pgadmin/browser/__init__.py: the browser module and the base
class of tree-node modules, whose url_prefix is computed from a property."""

from abc import abstractmethod

from pgadmin.utils import PgAdminModule

MODULE_NAME = "browser"
BROWSER_STATIC = "browser.static"
BROWSER_INDEX = "browser.index"


class BrowserModule(PgAdminModule):
    LABEL = "Browser"


blueprint = BrowserModule(MODULE_NAME, __name__)


class BrowserPluginModule(PgAdminModule):
    """
    Abstract base class for browser submodules.

    It helps to define the node for each and every node comes under the browser
    tree. It makes sure every module comes under browser will have prefix
    '/browser', and sets the 'url_prefix', 'static_url_path', etc.
    """

    browser_url_prefix = blueprint.url_prefix + "/"
    SHOW_ON_BROWSER = True

    def __init__(self, import_name, **kwargs):
        """
        Construct a new 'BrowserPluginModule' object.

        :param import_name: Name of the module
        :param **kwargs:    Extra parameters passed to the base class
                            pgAdminModule.
        """
        kwargs.setdefault("url_prefix", self.node_path)
        kwargs.setdefault("static_url_path", "/static")

        self.browser_preference = None
        self.pg_help_path = None

        super().__init__("NODE-%s" % self.node_type, import_name, **kwargs)  # noqa: UP031

    @property
    @abstractmethod
    def node_type(self):
        pass

    @property
    def node_path(self):
        """
        Defines the url path prefix for this submodule.
        """
        return self.browser_url_prefix + self.node_type


@blueprint.route("/", endpoint="index")
def index():
    """Render and process the main browser window."""
    return ""


@blueprint.route("/js/utils.js")
def utils():
    return ""


@blueprint.route("/js/endpoints.js")
def exposed_urls():
    return ""


@blueprint.route("/js/error.js")
def error_js():
    return ""


@blueprint.route("/nodes/", endpoint="nodes")
def get_nodes():
    """Build a list of treeview nodes from the child nodes."""
    return ""


@blueprint.route("/master_password", endpoint="set_master_password", methods=["GET", "POST"])
def set_master_password():
    return ""
