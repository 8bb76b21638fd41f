"""Reproduces the Flask-Classful docs' views (quickstart ``QuotesView``, "Customizing",
"Decorators", "Type hints" and "Subdomains/blueprints" sections)."""

from random import choice
from uuid import UUID

from flask_classful import FlaskView, method, route

from quotes.auth import login_required

quotes = [
    "A noble spirit embiggens the smallest man! ~ Jebediah Springfield",
    "If there is a way to do it better... find it. ~ Thomas Edison",
    "No one knows what he can do till he tries. ~ Publilius Syrus",
]


class QuotesView(FlaskView):
    decorators = [login_required]

    def index(self):
        return "<br>".join(quotes)

    def get(self, id):
        id = int(id)
        if id < len(quotes) - 1:
            return quotes[id]
        return "Not Found", 404

    @route("/word_bacon/")
    def random(self):
        return choice(quotes)

    @route("/<id>/", methods=["POST"])
    @route("/<id>/edit/", methods=["POST"], endpoint="quote_edit")
    def update(self, id):
        return ""

    def delete(self, id: int):
        return ""

    def _helper(self):
        return "private"

    def before_index(self):
        return None


class ThingsView(FlaskView):
    route_base = "things"
    trailing_slash = False
    excluded_methods = ["helper"]

    def index(self):
        return ""

    def post(self):
        return ""

    def put(self, thing_id: UUID):
        return ""

    def patch(self, thing_id: int, name: str = "x"):
        return ""

    def helper(self):
        return ""

    def search(self, term):
        return ""


class ReportsView(FlaskView):
    default_methods = ["GET", "POST"]

    def monthly_summary(self, year: int, month: int):
        return ""

    @method("PUT")
    def refresh_all(self):
        return ""

    @classmethod
    def not_routed(cls):
        return ""

    @property
    def not_routed_either(self):
        return ""


class ItemsView(FlaskView):
    def index(self):
        return ""

    def get(self, item_id: float):
        return ""
