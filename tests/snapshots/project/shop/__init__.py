from flask import Flask

from shop.api import api_bp
from shop.auth import bp as auth_bp


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(SECRET_KEY="dev")
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(api_bp, url_prefix="/api")

    @app.before_request
    def load_user():
        pass

    @app.errorhandler(404)
    def not_found(error):
        return {"error": "not found"}, 404

    @app.route("/")
    def index():
        return "shop"

    return app
