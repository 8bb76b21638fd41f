"""Reproduces pgadmin-org/pgadmin4 web/pgadmin/tools/sqleditor/__init__.py: routes with converters."""

from pgadmin.utils import PgAdminModule

MODULE_NAME = "sqleditor"


class SqlEditorModule(PgAdminModule):
    LABEL = "Query Tool"


blueprint = SqlEditorModule(MODULE_NAME, __name__, static_url_path="/static")


@blueprint.route("/")
def index():
    return "", 400


@blueprint.route(
    "/initialize/sqleditor/<int:trans_id>/<int:sgid>/<int:sid>/<int:did>",
    methods=["POST"],
    endpoint="initialize_sqleditor_with_did",
)
@blueprint.route(
    "/initialize/sqleditor/<int:trans_id>/<int:sgid>/<int:sid>",
    methods=["POST"],
    endpoint="initialize_sqleditor",
)
def initialize_sqleditor(trans_id, sgid, sid, did=None):
    return ""


@blueprint.route("/close/<int:trans_id>", methods=["DELETE"], endpoint="close")
def close_sqleditor_session(trans_id):
    return ""


@blueprint.route(
    "/query_tool/start/<int:trans_id>", methods=["PUT", "POST"], endpoint="query_tool_start"
)
def start_query_tool(trans_id):
    return ""


@blueprint.route("/poll/<int:trans_id>", methods=["GET"], endpoint="poll")
def poll(trans_id):
    return ""
