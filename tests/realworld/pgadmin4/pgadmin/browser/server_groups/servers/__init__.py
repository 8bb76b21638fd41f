"""Reproduces pgadmin-org/pgadmin4 web/pgadmin/browser/server_groups/servers/__init__.py: a node view
that extends the inherited operations with its own commands."""

from pgadmin.browser import BrowserPluginModule
from pgadmin.browser.utils import PGChildNodeView


class ServerModule(BrowserPluginModule):
    _NODE_TYPE = "server"
    LABEL = "Servers"

    @property
    def node_type(self):
        return self._NODE_TYPE


blueprint = ServerModule(__name__)


class ServerNode(PGChildNodeView):
    node_type = ServerModule._NODE_TYPE
    node_label = "Server"

    parent_ids = [{"type": "int", "id": "gid"}]
    ids = [{"type": "int", "id": "sid"}]
    operations = dict(
        {
            "obj": [
                {"get": "properties", "delete": "delete", "put": "update"},
                {"get": "list", "post": "create"},
            ],
            "nodes": [{"get": "node"}, {"get": "nodes"}],
            "sql": [{"get": "sql"}],
            "msql": [{"get": "modified_sql"}],
            "stats": [{"get": "statistics"}],
            "dependency": [{"get": "dependencies"}],
            "dependent": [{"get": "dependents"}],
            "children": [{"get": "children"}],
            "supported_servers.js": [{}, {}, {"get": "supported_servers"}],
            "reload": [{"get": "reload_configuration"}],
            "restore_point": [{"post": "create_restore_point"}],
            "connect": [{"get": "connect_status", "post": "connect", "delete": "disconnect"}],
            "change_password": [{"post": "change_password"}],
            "wal_replay": [{"delete": "pause_wal_replay", "put": "resume_wal_replay"}],
            "check_pgpass": [{"get": "check_pgpass"}],
            "clear_saved_password": [{"put": "clear_saved_password"}],
        }
    )


ServerNode.register_node_view(blueprint)
