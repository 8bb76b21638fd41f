"""Reproduces pgadmin-org/pgadmin4 web/pgadmin/misc/__init__.py: module routes with explicit endpoints."""

from pgadmin.utils import PgAdminModule

MODULE_NAME = "misc"


class MiscModule(PgAdminModule):
    LABEL = "Miscellaneous"

    def get_exposed_url_endpoints(self):
        """
        Returns:
            list: a list of url endpoints exposed to the client.
        """
        return ["misc.ping", "misc.index", "misc.cleanup", "misc.validate_binary_path"]


# Initialise the module
blueprint = MiscModule(MODULE_NAME, __name__)


##########################################################################
# A special URL used to "ping" the server
##########################################################################
@blueprint.route("/", endpoint="index")
def index():
    return ""


@blueprint.route("/ping")
def ping():
    """Generate a "PING" response to indicate that the server is alive."""
    return "PING"


# For Garbage Collecting closed connections
@blueprint.route("/cleanup", methods=["POST"])
def cleanup():
    return ""


@blueprint.route("/explain/explain.js")
def explain_js():
    return ""


@blueprint.route("/shutdown", methods=("get", "post"))
def shutdown():
    return ""


@blueprint.route("/validate_binary_path", endpoint="validate_binary_path", methods=["POST"])
def validate_binary_path():
    return ""
