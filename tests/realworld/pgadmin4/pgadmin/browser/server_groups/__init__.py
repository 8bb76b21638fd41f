"""Reproduces pgadmin-org/pgadmin4 web/pgadmin/browser/server_groups/__init__.py."""

from pgadmin.browser import BrowserPluginModule
from pgadmin.browser.utils import NodeView

SG_NOT_FOUND = "Server group not found."


class ServerGroupModule(BrowserPluginModule):
    _NODE_TYPE = "server_group"
    _COLLECTION_LABEL = "Server Groups"

    @property
    def node_type(self):
        return self._NODE_TYPE


blueprint = ServerGroupModule(__name__)


class ServerGroupView(NodeView):
    node_type = ServerGroupModule._NODE_TYPE
    parent_ids = []
    ids = [{"type": "int", "id": "gid"}]


ServerGroupView.register_node_view(blueprint)
