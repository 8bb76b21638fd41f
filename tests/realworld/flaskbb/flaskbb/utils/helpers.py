"""Reproduces flaskbb/flaskbb flaskbb/utils/helpers.py: the register_view helper."""


def register_view(bp_or_app, routes, view_func, *args, **kwargs):
    for route in routes:
        bp_or_app.add_url_rule(route, view_func=view_func, *args, **kwargs)  # noqa: B026


def get_flaskbb_config(app, config_file):
    """Returns ``None`` or the config which is either the path to a config file or an object."""
    return config_file
