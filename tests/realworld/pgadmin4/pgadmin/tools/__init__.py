"""Reproduces pgadmin-org/pgadmin4 web/pgadmin/tools/__init__.py."""

from pgadmin.utils import PgAdminModule

MODULE_NAME = "tools"


class ToolsModule(PgAdminModule):
    LABEL = "Tools"


# Initialise the module
blueprint = ToolsModule(MODULE_NAME, __name__)


@blueprint.route("/")
def index():
    """Calling tools index URL directly is not allowed."""
    return "", 400
