# -*- coding: latin-1 -*-
"""Prix affichés en euros."""

from flask import Blueprint

bp = Blueprint("prix", __name__)

LIBELLE = "Prix à payer (TTC)"


@bp.route("/prix")
def prix():
    return LIBELLE
