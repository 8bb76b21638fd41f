"""Reproduces Netflix/lemur lemur/__init__.py: `mod as x_bp` imports gathered in a tuple for the factory."""

from lemur import factory
from lemur.api_keys.views import mod as api_key_bp
from lemur.auth.views import mod as auth_bp
from lemur.authorities.views import mod as authorities_bp
from lemur.certificates.views import mod as certificates_bp
from lemur.defaults.views import mod as defaults_bp
from lemur.destinations.views import mod as destinations_bp
from lemur.dns_providers.views import mod as dns_providers_bp
from lemur.domains.views import mod as domains_bp
from lemur.endpoints.views import mod as endpoints_bp
from lemur.logs.views import mod as logs_bp
from lemur.notifications.views import mod as notifications_bp
from lemur.pending_certificates.views import mod as pending_certificates_bp
from lemur.plugins.views import mod as plugins_bp
from lemur.roles.views import mod as roles_bp
from lemur.sources.views import mod as sources_bp
from lemur.users.views import mod as users_bp

LEMUR_BLUEPRINTS = (
    users_bp,
    roles_bp,
    auth_bp,
    domains_bp,
    destinations_bp,
    authorities_bp,
    certificates_bp,
    defaults_bp,
    plugins_bp,
    notifications_bp,
    sources_bp,
    endpoints_bp,
    logs_bp,
    api_key_bp,
    pending_certificates_bp,
    dns_providers_bp,
)


def create_app(config_path=None):
    app = factory.create_app(app_name=__name__, blueprints=LEMUR_BLUEPRINTS, config=config_path)
    configure_hook(app)
    return app


def configure_hook(app):
    @app.errorhandler(Exception)
    def handle_error(e):
        return {"error": str(e)}, 500

    @app.before_request
    def before_request():
        return None
