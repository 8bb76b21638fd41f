from flask import Blueprint

api_bp = Blueprint("api", __name__)


@api_bp.get("/items")
def list_items():
    return []


@api_bp.delete("/items/<int:item_id>")
def delete_item(item_id):
    return "", 204
