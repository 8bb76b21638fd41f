"""Reproduces pgadmin-org/pgadmin4 web/pgadmin/browser/server_groups/servers/databases/__init__.py."""

from pgadmin.browser import BrowserPluginModule
from pgadmin.browser.utils import PGChildNodeView


class DatabaseModule(BrowserPluginModule):
    _NODE_TYPE = "database"
    _COLLECTION_LABEL = "Databases"

    @property
    def node_type(self):
        return self._NODE_TYPE


blueprint = DatabaseModule(__name__)


class DatabaseView(PGChildNodeView):
    node_type = blueprint.node_type

    parent_ids = [{"type": "int", "id": "gid"}, {"type": "int", "id": "sid"}]
    ids = [{"type": "int", "id": "did"}]

    operations = dict(
        {
            "obj": [
                {"get": "properties", "delete": "delete", "put": "update"},
                {"get": "list", "post": "create", "delete": "delete"},
            ],
            "nodes": [{"get": "node"}, {"get": "nodes"}],
            "get_databases": [{"get": "get_databases"}, {"get": "get_databases"}],
            "sql": [{"get": "sql"}],
            "msql": [{"get": "msql"}, {"get": "msql"}],
            "stats": [{"get": "statistics"}, {"get": "statistics"}],
            "dependency": [{"get": "dependencies"}],
            "dependent": [{"get": "dependents"}],
            "children": [{"get": "children"}],
            "connect": [{"get": "connect_status", "post": "connect", "delete": "disconnect"}],
            "vopts": [{}, {"get": "variable_options"}],
        }
    )


DatabaseView.register_node_view(blueprint)
