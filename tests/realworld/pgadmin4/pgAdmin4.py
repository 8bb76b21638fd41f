"""Reproduces pgadmin-org/pgadmin4 web/pgAdmin4.py: the app object the servers run."""

import config
from pgadmin import create_app

app = create_app(config.APP_NAME)
