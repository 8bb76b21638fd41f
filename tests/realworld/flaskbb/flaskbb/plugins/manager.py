"""Reproduces flaskbb/flaskbb flaskbb/plugins/manager.py: a pluggy PluginManager subclass."""

import pluggy


class FlaskBBPluginManager(pluggy.PluginManager):
    """Overwrites :class:`pluggy.PluginManager` to add FlaskBB specific stuff."""

    def __init__(self, project_name):
        super().__init__(project_name=project_name)
        self._internal_name2plugin = {}

    def register(self, plugin, name=None, internal=False):
        """Registers a plugin and returns its canonical name or ``None`` if the name is blocked
        from registering. Will raise a :class:`ValueError` if the plugin is already registered.
        """
        name = super().register(plugin, name=name)
        if internal:
            self._internal_name2plugin[name] = self._name2plugin.pop(name)
            self._name2plugin[name] = plugin
        return name
