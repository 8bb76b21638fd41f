"""Reproduces CTFd/CTFd tests/test_plugin_utils.py: tests that add throwaway routes to a test app."""

from CTFd.plugins import register_plugin_asset, register_plugin_assets_directory

from tests.helpers import create_ctfd, destroy_ctfd


def test_register_plugin_asset():
    """Test that plugin asset registration works"""
    app = create_ctfd(setup=False)
    register_plugin_asset(app, asset_path="/plugins/__init__.py")
    with app.app_context(), app.test_client() as client:
        r = client.get("/plugins/__init__.py")
        assert len(r.get_data(as_text=True)) > 0
        assert r.status_code == 200
    destroy_ctfd(app)


def test_register_plugin_assets_directory():
    """Test that plugin asset directory registration works"""
    app = create_ctfd(setup=False)
    register_plugin_assets_directory(app, base_path="/plugins/")
    destroy_ctfd(app)


def test_bypass_csrf_protection():
    """Test that the bypass_csrf_protection decorator functions properly"""
    app = create_ctfd()

    with app.app_context():

        @app.route("/bypass_csrf_protection_test_route", methods=["POST"])
        def bypass_csrf_protection_test_route():
            return "Success", 200

    destroy_ctfd(app)
