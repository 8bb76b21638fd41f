"""The Textual front end: screens, widgets and the command palette over the core's plain values."""
