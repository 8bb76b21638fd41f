"""Reproduces flaskbb/flaskbb flaskbb/auth/services/factories.py: service factories passed to as_view."""


def account_activator_factory():
    return None


def authentication_manager_factory():
    return None


def registration_service_factory():
    return None
