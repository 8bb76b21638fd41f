"""Reproduces CTFd/CTFd CTFd/api/v1/statistics/__init__.py: the namespace, then its route modules."""

from flask_restx import Namespace

statistics_namespace = Namespace("statistics", description="Endpoint to retrieve Statistics")

# isort:imports-firstparty
from CTFd.api.v1.statistics import challenges  # noqa: F401,I001,E402
from CTFd.api.v1.statistics import scores  # noqa: F401,E402
from CTFd.api.v1.statistics import submissions  # noqa: F401,E402
from CTFd.api.v1.statistics import teams  # noqa: F401,E402
from CTFd.api.v1.statistics import users  # noqa: F401,E402
