"""Entry point for gunicorn (``gunicorn wsgi:app``) and for ``python wsgi.py`` during development."""

import os

from shop import create_app

app = create_app(os.environ.get("SHOP_CONFIG", "development"))

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)
