"""Screens of the TUI, one module (and one ``.tcss``) each."""
