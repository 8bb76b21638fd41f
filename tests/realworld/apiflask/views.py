"""Reproduces apiflask/apiflask examples/cbv/app.py: MethodViews whose methods carry
``@app.output(PetOut)`` / ``@app.input(PetIn(partial=True))``, added with ``add_url_rule``
(here under ``/cbv`` on the same app, handed in by ``app.py``)."""

from apiflask import abort
from apiflask.views import MethodView


def register_views(app, PetIn, PetOut, pets):
    class Hello(MethodView):
        def get(self):
            return {"message": "Hello!"}

    class Pet(MethodView):
        @app.output(PetOut)
        def get(self, pet_id):
            """Get a pet"""
            if pet_id > len(pets) - 1 or pets[pet_id].get("deleted"):
                abort(404)
            return pets[pet_id]

        @app.input(PetIn(partial=True))
        @app.output(PetOut)
        def patch(self, pet_id, json_data):
            """Update a pet"""
            return pets[pet_id]

        @app.output({}, status_code=204)
        def delete(self, pet_id):
            """Delete a pet"""
            return ""

    class Pets(MethodView):
        @app.output(PetOut(many=True))
        def get(self):
            """Get all pets"""
            return pets

        @app.input(PetIn)
        @app.output(PetOut, status_code=201)
        def post(self, json_data):
            """Create a pet"""
            return pets[0]

    app.add_url_rule("/cbv/", view_func=Hello.as_view("hello"))
    app.add_url_rule("/cbv/pets/<int:pet_id>", view_func=Pet.as_view("pet"))
    app.add_url_rule("/cbv/pets", view_func=Pets.as_view("pets"))
