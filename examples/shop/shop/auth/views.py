"""Session authentication: the current user is loaded for every request of the app."""

from flask import flash, g, redirect, render_template, request, session, url_for
from sqlalchemy.exc import IntegrityError

from shop.auth import bp
from shop.auth.decorators import login_required
from shop.auth.forms import LoginForm, RegisterForm
from shop.extensions import db
from shop.models import User


@bp.before_app_request
def load_logged_in_user():
    """Put the signed-in user (or None) on ``g`` for every view and template."""
    user_id = session.get("user_id")
    g.user = db.session.get(User, user_id) if user_id is not None else None


@bp.get("/login")
def login_form():
    return render_template("auth/login.html", form=LoginForm())


@bp.post("/login")
def login():
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form), 400
    print(f"login attempt: {form.email.data}")
    user = User.query.filter_by(email=form.email.data.lower()).first()
    if user is None or not user.check_password(form.password.data):
        flash("Invalid email or password.", "error")
        return render_template("auth/login.html", form=form), 401
    session.clear()
    session["user_id"] = user.id
    return redirect(request.args.get("next") or url_for("catalog.index"))


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        user = User(name=form.name.data, email=form.email.data.lower())
        user.set_password(form.password.data)
        db.session.add(user)
        try:
            db.session.commit()
        except IntegrityError:
            form.email.errors.append("An account with this email already exists.")
            return render_template("auth/register.html", form=form), 409
        session["user_id"] = user.id
        return redirect(url_for("catalog.index"))
    return render_template("auth/register.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    session.clear()
    return redirect(url_for("catalog.index"))


@bp.get("/account")
@login_required
def account():
    return render_template("auth/account.html", user=g.user)
