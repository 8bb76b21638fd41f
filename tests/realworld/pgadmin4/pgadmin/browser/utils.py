"""Reproduces pgadmin-org/pgadmin4 web/pgadmin/browser/utils.py: NodeView, whose rules, endpoints and
methods are generated from the class's ``operations`` dict by ``register_node_view``."""

from flask.views import View


class NodeView(View):
    """
    A PostgreSQL Object has so many operaions/functions apart from CRUD
    (Create, Read, Update, Delete). This class can be inherited to achieve the
    diffrent routes for each of the object types/collections.

       OPERATION   |             URL             | HTTP Method |    Method
    ---------------+-----------------------------+-------------+--------------
    List           | /obj/[Parent URL]/          | GET         | list
    Properties     | /obj/[Parent URL]/id        | GET         | properties
    Create         | /obj/[Parent URL]/          | POST        | create
    Delete         | /obj/[Parent URL]/id        | DELETE      | delete
    Update         | /obj/[Parent URL]/id        | PUT         | update
    """

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
        }
    )

    @classmethod
    def generate_ops(cls):
        cmds = []
        for op in cls.operations:
            idx = 0
            for ops in cls.operations[op]:
                meths = []
                for meth in ops:
                    meths.append(meth.upper())
                if len(meths) > 0:
                    cmds.append(
                        {"cmd": op, "req": (idx == 0), "with_id": (idx != 2), "methods": meths}
                    )
                idx += 1  # noqa: SIM113
        return cmds

    # Inherited class needs to modify these parameters
    node_type = None
    # This must be an array object with attributes (type and id)
    parent_ids = []
    # This must be an array object with attributes (type and id)
    ids = []

    @classmethod
    def get_node_urls(cls):
        assert cls.node_type is not None, (
            f"Please set the node_type for this class ({cls.__class__.__name__!s})"
        )
        common_url = "/"
        for p in cls.parent_ids:
            common_url += "<{}:{}>/".format(str(p["type"]), str(p["id"]))

        id_url = None
        for p in cls.ids:
            id_url = "{}<{}:{}>".format(common_url if not id_url else id_url, p["type"], p["id"])  # noqa: SIM212

        return id_url, common_url

    def __init__(self, **kwargs):
        self.cmd = kwargs["cmd"]

    def dispatch_request(self, *args, **kwargs):
        return ""

    @classmethod
    def register_node_view(cls, blueprint):
        cls.blueprint = blueprint
        id_url, url = cls.get_node_urls()

        commands = cls.generate_ops()

        for c in commands:
            cmd = c["cmd"].replace(".", "-")
            if c["with_id"]:
                blueprint.add_url_rule(
                    "/{}{}".format(c["cmd"], id_url if c["req"] else url),
                    view_func=cls.as_view(
                        "{}{}".format(cmd, "_id" if c["req"] else ""), cmd=c["cmd"]
                    ),
                    methods=c["methods"],
                )
            else:
                blueprint.add_url_rule(
                    "/{}".format(c["cmd"]),
                    view_func=cls.as_view(cmd, cmd=c["cmd"]),
                    methods=c["methods"],
                )


class PGChildNodeView(NodeView):
    _NODE_SQL = "node.sql"
    _NODES_SQL = "nodes.sql"
