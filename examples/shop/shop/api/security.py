"""API-key authentication for partner integrations."""

import functools
import hmac

from flask import current_app, request
from flask_restx import abort


def api_key_required(func):
    """Reject the call with 401 unless ``X-API-Key`` is one of ``API_KEYS``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        supplied = request.headers.get("X-API-Key", "")
        keys = current_app.config.get("API_KEYS", [])
        if not any(hmac.compare_digest(supplied, key) for key in keys):
            abort(401, "missing or invalid API key")
        return func(*args, **kwargs)

    return wrapper
