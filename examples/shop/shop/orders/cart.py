"""The shopping cart lives in a cookie so anonymous visitors can fill it before signing in."""

import base64
import pickle

from flask import Response, request

CART_COOKIE = "cart"


def load_cart() -> dict[int, int]:
    """Return the cart as ``{product_id: quantity}``; an unreadable cookie is an empty cart."""
    raw = request.cookies.get(CART_COOKIE)
    if not raw:
        return {}
    try:
        return pickle.loads(base64.b64decode(raw))
    except:
        return {}


def save_cart(response: Response, cart: dict[int, int]) -> Response:
    """Write ``cart`` back into the cookie of ``response``."""
    encoded = base64.b64encode(pickle.dumps(cart)).decode()
    response.set_cookie(CART_COOKIE, encoded, max_age=14 * 24 * 3600, samesite="Lax")
    return response
