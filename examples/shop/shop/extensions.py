"""Extension objects, created unbound and attached to the app in :func:`shop.create_app`.

Keeping them here (and not in ``shop/__init__.py``) lets models and blueprints import ``db``
without importing the factory.
"""

from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

db = SQLAlchemy()
csrf = CSRFProtect()
